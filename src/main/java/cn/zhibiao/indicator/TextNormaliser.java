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
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
                out.append((char) (c - 0xFEE0));
                continue;
            }
            out.append(switch (c) {
                case '％', '﹪' -> '%';
                case '＞' -> '>';
                case '＜' -> '<';
                case '＝' -> '=';
                case '≧' -> '≥';
                case '≦' -> '≤';
                case '．' -> '.';
                case '，' -> '，';
                case '／' -> '/';
                case '－', '—', '–', '~', '～' -> '-';
                case '\u3000', '\u00A0', '\t' -> ' ';
                default -> c;
            });
        }
        return out.toString().replace(">=", "≥").replace("<=", "≤");
    }

    /** Removes all white space, for comparing category labels that were split over lines or padded. */
    public static String squeeze(String text) {
        return normalise(text).replaceAll("\\s+", "");
    }
}
