package cn.zhibiao.indicator;

/**
 * Folds the typographic variants legacy forms mix freely (full-width digits, ％ and ﹪, ＞＝, ≧, ideographic
 * spaces) into one spelling, so that parsing and rule matching see one alphabet.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        // Most text is already in the one spelling: return it as it is, without copying (this runs for every cell).
        int first = 0;
        while (first < text.length() && fold(text.charAt(first)) == text.charAt(first)) {
            first++;
        }
        if (first == text.length() && text.indexOf('=') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            out.append(fold(text.charAt(i)));
        }
        return out.toString().replace(">=", "≥").replace("<=", "≤");
    }

    private static char fold(char c) {
        if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '％', '﹪' -> '%';
            case '＞' -> '>';
            case '＜' -> '<';
            case '＝' -> '=';
            case '≧' -> '≥';
            case '≦' -> '≤';
            case '．' -> '.';
            case '／' -> '/';
            case '－', '—', '–', '~', '～' -> '-';
            case '\u3000', '\u00A0', '\t' -> ' ';
            default -> c;
        };
    }

    /** Removes all white space, for comparing category labels that were split over lines or padded. */
    public static String squeeze(String text) {
        String normal = normalise(text);
        StringBuilder out = new StringBuilder(normal.length());
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            // The characters of the regex class \s; normalise() has already turned the wide spaces into ' '. A loop,
            // not replaceAll: this runs for every cell of every imported form.
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
