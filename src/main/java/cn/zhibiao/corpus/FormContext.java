package cn.zhibiao.corpus;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.indicator.ValueKind;
import cn.zhibiao.indicator.ValueParser;

/** What a whole document says about every form in it: where it is from, whose it is, which year. */
record FormContext(String source, String region, String department, Integer year) {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    FormContext withDepartment(String newDepartment) {
        return new FormContext(source, region, blankToNull(newDepartment) == null ? department : newDepartment.strip(),
                year);
    }

    FormContext withYear(Integer newYear) {
        return new FormContext(source, region, department, newYear == null ? year : newYear);
    }

    static Integer yearIn(String text) {
        Matcher m = YEAR.matcher(TextNormaliser.normalise(text == null ? "" : text));
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        Matcher bare = Pattern.compile("^\\s*((?:19|20)\\d{2})\\s*$").matcher(text == null ? "" : text);
        return bare.find() ? Integer.parseInt(bare.group(1)) : null;
    }

    /** An amount as written in a 万元 column: "565.81", "3042万元", "1,260". Null when there is no number. */
    static BigDecimal wanYuan(String text) {
        ParsedValue parsed = ValueParser.parse(text);
        if (parsed.kind() != ValueKind.QUANTITY || parsed.number() == null) {
            return null;
        }
        if ("元".equals(parsed.unit())) {
            return parsed.number().movePointLeft(4).stripTrailingZeros();
        }
        return parsed.number();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
