package cn.zhibiao.proposal;

/** Chinese numerals as written in goals (三, 十二, 二十六, 一千二百, 三百八十): their value, or -1 when malformed. */
final class ChineseNumber {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumber() {
    }

    static long parse(String text) {
        long total = 0;
        long digit = -1;
        for (char c : text.toCharArray()) {
            int d = c == '两' ? 2 : DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        return total + Math.max(digit, 0);
    }
}
