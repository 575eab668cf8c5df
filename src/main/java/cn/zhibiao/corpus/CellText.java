package cn.zhibiao.corpus;

import java.util.regex.Pattern;

/** Cleans the residue that Word/Excel exports leave in cell text. */
final class CellText {

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");
    private static final Pattern CHECKED = Pattern.compile("<input[^>]*checked[^>]*>\\s*");
    private static final Pattern UNCHECKED = Pattern.compile("<input[^>]*>\\s*");
    private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\u3000\\u00A0]+|[\\s\\u3000\\u00A0]+$");

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
        return EDGE_SPACE.matcher(text).replaceAll("");
    }

    /** True when the raw text carried bytes that could not be decoded (exports cut mid-character). */
    static boolean hasUndecodable(String raw) {
        return raw != null && raw.indexOf('\uFFFD') >= 0;
    }
}
