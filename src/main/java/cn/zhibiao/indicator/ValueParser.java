package cn.zhibiao.indicator;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a 指标值 as written ("≥95%", "不超过936万元", "2019年底前完成", "450-520元/月.人") into a {@link ParsedValue}.
 * Never throws: text it cannot read becomes {@link ValueKind#QUALITATIVE}.
 */
public final class ValueParser {

    private static final Pattern PLACEHOLDER = Pattern.compile("[\\s/\\\\*×xX_\\-.·、，,。]*");

    /** A year, optionally with month and day: 2019年, 2019年底, 2023年12月31日前, 2023.1月, 2023-12-31. */
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?"
                    + "(?:\\s*(?:年底|年末|底|末|度|前|内))?"),
            Pattern.compile("((?:19|20)\\d{2})[.\\-/](\\d{1,2})(?:[.\\-/](\\d{1,2})(?!\\d)|\\s*月)"));

    /** A year range ("2021-2023年") states the implementation period; its end year is the deadline. */
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20)\\d{2})\\s*(?:年)?\\s*[-至到]\\s*((?:19|20)\\d{2})\\s*年?");

    /** A service period written with dots ("2023.07-2024.01"): the end month is the deadline. */
    private static final Pattern MONTH_RANGE = Pattern.compile(
            "(?:19|20)\\d{2}\\.\\d{1,2}\\s*[-至到]\\s*((?:19|20)\\d{2})\\.(\\d{1,2})(?![\\d.])");

    /** Deadlines without a year: 年底前, 每年年底前, 当年12月前, 6月底前. */
    private static final Pattern RELATIVE_DEADLINE = Pattern.compile(
            "年底|年末|当年\\d{1,2}月(?:\\d{1,2}日)?(?:底|末)?前?|(?<![\\d.])\\d{1,2}月份?(?:\\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前|完成)"
                    + "|月底前|备案当年");

    private static final Pattern BARE_MONTH = Pattern.compile("(?<![\\d.])(\\d{1,2})月(?:\\d{1,2}日)?(?:底|末)?");

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d.])(-)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:[Ee][+-]?\\d+)?)"
                    + "(?:\\s*[-至到]\\s*(\\d+(?:\\.\\d+)?))?");

    /** Units, longest first so that 万人次 wins over 万人 and 工作日 over 日. */
    private static final List<String> UNITS = List.of(
            "万人次", "工作日", "个工作日", "平方米", "个月", "万元", "亿元", "千元", "万人", "人次", "户次", "人日", "小时",
            "公里", "周岁", "万", "元", "%", "‰", "人", "户", "个", "所", "次", "天", "日", "月", "年", "项", "台", "件", "套",
            "辆", "张", "名", "家", "场", "期", "篇", "册", "份", "批", "本", "座", "处", "条", "册", "吨", "亩", "米",
            "床", "间", "分", "岁", "学时", "课时");

    private static final String PER_UNIT = "(?:[/.·](?:人|月|年|项|个|次|户|台|件|套|辆|天|日|平方米|所|名|床|亩|吨|人次))*";
    private static final Pattern COMPOUND_UNIT = Pattern.compile(PER_UNIT);
    private static final Pattern BARE_PER_UNIT = Pattern.compile("/(?:人|月|年|项|个|次|户)" + PER_UNIT);

    private static final Pattern AT_LEAST_WORDS = Pattern.compile("(?:不低于|不少于|不小于|不得低于|不得少于|至少|达到|达|超过|大于等于|大于或等于)[^\\d]{0,2}$");
    private static final Pattern AT_MOST_WORDS = Pattern.compile("(?:不超过|不高于|不大于|不多于|不得超过|最多|控制在|小于等于|小于或等于)[^\\d]{0,2}$");
    private static final Pattern LEADING_AT_LEAST = Pattern.compile("^(?:不低于|不少于|不小于|不得低于|高于|优于|大于等于)");
    private static final Pattern LEADING_AT_MOST = Pattern.compile("^(?:不超过|不高于|不大于|低于|控制在|小于等于)");
    private static final Pattern SUFFIX_AT_LEAST = Pattern.compile("以上|及以上");
    private static final Pattern SUFFIX_AT_MOST = Pattern.compile("以内|以下|及以下|封顶");

    private ValueParser() {
    }

    public static ParsedValue parse(String raw) {
        if (raw == null || PLACEHOLDER.matcher(TextNormaliser.normalise(raw)).matches()) {
            return ParsedValue.EMPTY;
        }
        String text = TextNormaliser.normalise(raw).strip();
        LocalDate deadline = null;
        boolean relativeDeadline = false;
        String rest = text;

        Matcher months = MONTH_RANGE.matcher(rest);
        if (months.find()) {
            try {
                deadline = YearMonth.of(Integer.parseInt(months.group(1)), Integer.parseInt(months.group(2))).atEndOfMonth();
                rest = blank(rest, months.start(), months.end());
            } catch (DateTimeException e) {
                deadline = null;
            }
        }
        Matcher range = YEAR_RANGE.matcher(rest);
        if (deadline == null && range.find()) {
            deadline = LocalDate.of(Integer.parseInt(range.group(2)), 12, 31);
            rest = blank(rest, range.start(), range.end());
        }
        for (Pattern pattern : DATES) {
            Matcher date = pattern.matcher(rest);
            while (date.find()) {
                LocalDate found = toDate(date);
                if (found == null) {
                    continue;
                }
                if (deadline == null || found.isAfter(deadline)) {
                    deadline = found;
                }
                rest = blank(rest, date.start(), date.end());
            }
        }
        if (deadline != null) {
            // "2019年6月…，10月…" : later bare months belong to the same year and push the deadline out.
            int year = deadline.getYear();
            Matcher month = BARE_MONTH.matcher(rest);
            while (month.find()) {
                int m = Integer.parseInt(month.group(1));
                if (m >= 1 && m <= 12) {
                    LocalDate end = YearMonth.of(year, m).atEndOfMonth();
                    deadline = end.isAfter(deadline) ? end : deadline;
                    rest = blank(rest, month.start(), month.end());
                }
            }
        }
        if (deadline == null && RELATIVE_DEADLINE.matcher(rest).find()) {
            relativeDeadline = true;
            rest = RELATIVE_DEADLINE.matcher(rest).replaceAll(m -> " ".repeat(m.group().length()));
        }

        Matcher number = NUMBER.matcher(rest);
        boolean found = number.find();
        // An age band ("80-89周岁600元/人·年") qualifies the amount that follows; the amount is the target.
        while (found && isQualifier(unitAfter(rest, number.end()))) {
            int from = number.end();
            found = number.find(from) && number.start() >= from;
        }
        if (found) {
            BigDecimal value = decimal(number.group(2));
            if (value != null && number.group(1) != null) {
                value = value.negate();
            }
            BigDecimal max = number.group(3) == null ? null : decimal(number.group(3));
            String unit = unitAfter(rest, number.end());
            Comparator comparator = comparator(rest, number.start(), number.end() + (unit == null ? 0 : unit.length()));
            return new ParsedValue(ValueKind.QUANTITY, comparator, value, max, normaliseUnit(unit), deadline);
        }
        String lead = rest.strip();
        Comparator comparator = LEADING_AT_MOST.matcher(lead).find() ? Comparator.AT_MOST
                : LEADING_AT_LEAST.matcher(lead).find() ? Comparator.AT_LEAST : null;
        if (deadline != null || relativeDeadline) {
            return new ParsedValue(ValueKind.DATE, comparator, null, null, null, deadline);
        }
        return new ParsedValue(ValueKind.QUALITATIVE, comparator, null, null, null, null);
    }

    private static boolean isQualifier(String unit) {
        return "周岁".equals(unit) || "岁".equals(unit);
    }

    private static LocalDate toDate(Matcher m) {
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return LocalDate.of(year, 12, 31);
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                return YearMonth.of(year, month).atEndOfMonth();
            }
            return LocalDate.of(year, month, Integer.parseInt(m.group(3)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String unitAfter(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '余' || text.charAt(i) == '多')) {
            i++;
        }
        String tail = text.substring(i);
        for (String unit : UNITS) {
            if (tail.startsWith(unit)) {
                Matcher per = COMPOUND_UNIT.matcher(tail.substring(unit.length()));
                String compound = per.lookingAt() ? per.group() : "";
                return unit + compound;
            }
        }
        Matcher bare = BARE_PER_UNIT.matcher(tail);
        return bare.lookingAt() ? bare.group() : null;
    }

    private static String normaliseUnit(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.replace('.', '/').replace('·', '/');
        return u.startsWith("个工作日") ? "工作日" : u;
    }

    private static Comparator comparator(String text, int numberStart, int numberEnd) {
        String before = text.substring(0, numberStart);
        String after = text.substring(Math.min(numberEnd, text.length()));
        String lead = before.strip();
        if (lead.endsWith("≥")) {
            return Comparator.AT_LEAST;
        }
        if (lead.endsWith("≤")) {
            return Comparator.AT_MOST;
        }
        if (lead.endsWith(">")) {
            return Comparator.MORE_THAN;
        }
        if (lead.endsWith("<")) {
            return Comparator.LESS_THAN;
        }
        if (lead.endsWith("=")) {
            return Comparator.EQUAL;
        }
        String afterHead = after.strip();
        if (SUFFIX_AT_MOST.matcher(afterHead).lookingAt()) {
            return Comparator.AT_MOST;
        }
        if (SUFFIX_AT_LEAST.matcher(afterHead).lookingAt()) {
            return Comparator.AT_LEAST;
        }
        if (AT_MOST_WORDS.matcher(before).find()) {
            return Comparator.AT_MOST;
        }
        if (AT_LEAST_WORDS.matcher(before).find()) {
            return Comparator.AT_LEAST;
        }
        return null;
    }

    private static BigDecimal decimal(String digits) {
        try {
            return new BigDecimal(digits.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String text, int start, int end) {
        return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
    }
}
