package cn.zhibiao.corpus;

import java.util.regex.Pattern;

/** Cleans the residue that Word/Excel exports leave in cell text. */
final class CellText {

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");
    private static final Pattern CHECKED = Pattern.compile("<input[^>]*checked[^>]*>\\s*");
    private static final Pattern UNCHECKED = Pattern.compile("<input[^>]*>\\s*");

    private CellText() {
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = BOOKMARK.matcher(raw).replaceAll("");
        text = CHECKED.matcher(text).replaceAll("☑");
        text = UNCHECKED.matcher(text).replaceAll("□");
        text = text.replace("\uFFFD", "");
        return strip(text);
    }

    /**
     * Trims white space, ideographic and no-break spaces by index. (A regular expression "[\\s]+$" tried at every
     * position of a long run of spaces is quadratic: one line of 150,000 spaces took minutes.)
     */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
    }

    /** True when the raw text carried bytes that could not be decoded (exports cut mid-character). */
    static boolean hasUndecodable(String raw) {
        return raw != null && raw.indexOf('\uFFFD') >= 0;
    }
}
