package cn.zhibiao.rules;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.indicator.ValueKind;
import cn.zhibiao.indicator.ValueParser;

/**
 * One indicator prepared once for all rules: texts normalised and without white space (legacy exports break cells
 * mid-word), the "指标1：" numbering cut off the name, and the value to judge. 2021 forms often leave the value empty
 * and write the whole target in the name ("群众满意率95%以上"); then the name is judged as the value.
 */
final class Row {

    final int index;
    final Indicator indicator;
    final Level1 level1;
    final Level2 level2;
    /** Normalised name without white space or numbering; "" when blank. */
    final String name;
    /** Normalised value without white space; "" when blank. */
    final String value;
    /** The text judged: the value, or the name when the value is blank and the name states a number. */
    final String text;
    final boolean fromName;
    final ParsedValue parsed;
    /** A number that is a target (not an age band) or a deadline. */
    final boolean hasTarget;
    /**
     * The value's unit, or, when the value is a bare number, the unit the name announces in trailing brackets
     * ("营造林面积(亩)", "补助成本(≤**元/株)"): published forms put the unit there and the number in the value.
     */
    final String unit;
    /** The number when it is a percentage, else null. */
    final BigDecimal percent;
    /** The declaration's goals, normalised, for spotting values that only restate them. */
    final String goals;

    Row(int index, Indicator indicator, Pattern namePrefix, Pattern nameUnit, String goals) {
        this.index = index;
        this.indicator = indicator;
        this.level2 = indicator.level2();
        this.level1 = indicator.level1() != null ? indicator.level1() : level2 == null ? null : level2.parent();
        String squeezedName = squeeze(indicator.name());
        this.name = startsLikeNumbering(squeezedName) ? namePrefix.matcher(squeezedName).replaceFirst("") : squeezedName;
        this.value = squeeze(indicator.value());
        this.fromName = value.isEmpty() && hasDigit(name);
        this.text = fromName ? name : value;
        ParsedValue p = fromName ? ValueParser.parse(name)
                : indicator.parsed() != null ? indicator.parsed() : ValueParser.parse(indicator.value());
        this.parsed = p;
        boolean age = "周岁".equals(p.unit()) || "岁".equals(p.unit());
        this.hasTarget = p.number() != null && !age || p.deadline() != null || p.kind() == ValueKind.DATE;
        this.unit = p.unit() != null || p.number() == null || fromName ? p.unit() : unitNamed(name, nameUnit);
        this.percent = p.number() != null && "%".equals(unit) ? p.number() : null;
        this.goals = goals;
    }

    /** The raw value, or the raw name when the name is what is judged: the text a message quotes. */
    String quoted() {
        String raw = fromName ? indicator.name() : indicator.value();
        return raw == null ? "" : raw.strip();
    }

    static String squeeze(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String normalised = TextNormaliser.normalise(raw);
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unitNamed(String name, Pattern nameUnit) {
        Matcher m = nameUnit.matcher(name);
        if (!m.find()) {
            return null;
        }
        ParsedValue hint = ValueParser.parse("1" + m.group(1));
        return hint.unit() != null && m.group(1).startsWith(hint.unit()) ? m.group(1) : null;
    }

    /** Numbering starts with 指 ("指标1：") or a digit ("1: "); most names do neither and skip the pattern. */
    private static boolean startsLikeNumbering(String s) {
        return !s.isEmpty() && (s.charAt(0) == '指' || s.charAt(0) >= '0' && s.charAt(0) <= '9');
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Share of {@code text}'s character pairs that also occur in {@code in}: how much of it is restated. */
    static double overlap(String text, String in) {
        if (text.isEmpty() || in.isEmpty()) {
            return 0;
        }
        if (text.length() == 1) {
            return in.indexOf(text.charAt(0)) >= 0 ? 1 : 0;
        }
        int pairs = text.length() - 1;
        int found = 0;
        for (int i = 0; i < pairs; i++) {
            if (containsPair(in, text.charAt(i), text.charAt(i + 1))) {
                found++;
            }
        }
        return (double) found / pairs;
    }

    private static boolean containsPair(String in, char first, char second) {
        for (int at = in.indexOf(first); at >= 0 && at < in.length() - 1; at = in.indexOf(first, at + 1)) {
            if (in.charAt(at + 1) == second) {
                return true;
            }
        }
        return false;
    }
}
