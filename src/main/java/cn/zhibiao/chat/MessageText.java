package cn.zhibiao.chat;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

import cn.zhibiao.indicator.TextNormaliser;

/**
 * Folds the ways one request can be typed into one spelling, before any phrase is matched: traditional characters
 * into simplified, full-width digits and symbols into half-width, white space dropped, frequent input-method slips
 * corrected, and Chinese numerals before a counter into digits (第三行 → 第3行, 百分之九十五 → 95%).
 */
final class MessageText {

    private static final Map<Character, Integer> DIGITS = Map.ofEntries(Map.entry('零', 0), Map.entry('〇', 0),
            Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4),
            Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));
    private static final Pattern PERCENT = Pattern.compile("百分之([零〇一二两三四五六七八九十百]+)");

    private final Map<String, String> typos;
    private final Pattern numeral;

    MessageText(Map<String, String> typos, Iterable<String> counters) {
        this.typos = typos;
        StringBuilder alternatives = new StringBuilder();
        for (String counter : counters) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(counter));
        }
        this.numeral = Pattern.compile("([零〇一二两三四五六七八九十百]+)(?=" + alternatives + ")");
    }

    String normalise(String message) {
        String text = TextNormaliser.normalise(HanLP.convertToSimplifiedChinese(message == null ? "" : message))
                .replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> typo : typos.entrySet()) {
            text = text.replace(typo.getKey(), typo.getValue());
        }
        text = replace(PERCENT, text, "%");
        return replace(numeral, text, "");
    }

    private static String replace(Pattern pattern, String text, String suffix) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = value(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group() : n + suffix);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value of a Chinese numeral up to 999 (十五, 九十五, 一百), or -1 when it is not one. */
    static int value(String numeral) {
        int total = 0;
        int digit = -1;
        for (char c : numeral.toCharArray()) {
            Integer d = DIGITS.get(c);
            if (d != null) {
                digit = d;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : 0;
            if (unit == 0) {
                return -1;
            }
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        return total + Math.max(digit, 0);
    }
}
