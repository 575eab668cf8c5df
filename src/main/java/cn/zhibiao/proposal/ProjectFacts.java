package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.TextNormaliser;

/**
 * The figures a project's own text states — how many people it serves, at what unit cost, by when, at what rate —
 * which are better targets than the figures of a similar project. Found with patterns, never guessed.
 */
record ProjectFacts(Quantity count, Quantity unitCost, String deadline, Map<String, BigDecimal> rates,
        BigDecimal fundsWanYuan, Integer year) {

    /** A number with its unit as it should be written in a value ("130000" "人", "61.44" "元/人"). */
    record Quantity(BigDecimal number, String unit, String quote) {

        String value() {
            return number.stripTrailingZeros().toPlainString() + unit;
        }
    }

    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(万人次|人次|万人|万户|名|人|户)(?![/每])");
    private static final Pattern UNIT_COST_SLASH = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(万元|元)\\s*((?:[/.·]\\s*(?:人次|人|户|月|年|次|项|个))+)");
    private static final Pattern UNIT_COST_EACH = Pattern.compile(
            "每(人|户|人次)(?:每(年|月))?[^\\d，。；]{0,4}?(\\d+(?:\\.\\d+)?)\\s*(万元|元)");
    private static final Pattern DEADLINE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?\\s*(?:底|末)?前|(?:年底|年末|底)前?)");
    private static final Pattern RATE = Pattern.compile(
            "([\\u4e00-\\u9fa5]{1,8}率)[^\\d%。；]{0,10}?(\\d+(?:\\.\\d+)?)\\s*%");

    static ProjectFacts of(ProjectBrief project) {
        String text = TextNormaliser.normalise(project.text());
        return new ProjectFacts(count(text), unitCost(text), deadline(text, project.year()), rates(text),
                project.fundsWanYuan(), project.year());
    }

    private static Quantity count(String text) {
        Matcher m = COUNT.matcher(text);
        Quantity best = null;
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1).replace(",", ""));
            String unit = m.group(2).equals("名") ? "人" : m.group(2);
            // The beneficiaries are the largest head count mentioned; smaller ones are staff or sub-groups.
            if (best == null || unit.equals(best.unit()) && n.compareTo(best.number()) > 0) {
                best = new Quantity(n, unit, m.group());
            }
        }
        return best;
    }

    private static Quantity unitCost(String text) {
        Matcher slash = UNIT_COST_SLASH.matcher(text);
        if (slash.find()) {
            String per = slash.group(3).replaceAll("[\\s.·]", "").replace('·', '/');
            return new Quantity(new BigDecimal(slash.group(1)), slash.group(2) + per, slash.group());
        }
        Matcher each = UNIT_COST_EACH.matcher(text);
        if (each.find()) {
            String unit = each.group(4) + "/" + each.group(1) + (each.group(2) == null ? "" : "/" + each.group(2));
            return new Quantity(new BigDecimal(each.group(3)), unit, each.group());
        }
        return null;
    }

    private static String deadline(String text, Integer year) {
        Matcher m = DEADLINE.matcher(text);
        while (m.find()) {
            if (year == null || Integer.parseInt(m.group(1)) >= year) {
                return m.group(2) == null ? m.group(1) + "年12月31日前"
                        : m.group(1) + "年" + m.group(2) + "月" + (m.group(3) == null ? "底" : m.group(3) + "日") + "前";
            }
        }
        return null;
    }

    private static Map<String, BigDecimal> rates(String text) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        Matcher m = RATE.matcher(text);
        while (m.find()) {
            BigDecimal rate = new BigDecimal(m.group(2));
            if (rate.compareTo(BigDecimal.valueOf(100)) <= 0) {
                String word = m.group(1);
                out.putIfAbsent(word.substring(Math.max(0, word.length() - 3)), rate);
            }
        }
        return out;
    }

    /** The rate the project text states for an indicator whose name ends in the same word (参保率, 覆盖率). */
    Optional<BigDecimal> rateFor(String indicatorName) {
        if (indicatorName == null) {
            return Optional.empty();
        }
        return rates.entrySet().stream().filter(e -> indicatorName.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The funds in 元, for unit-cost arithmetic. */
    Optional<BigDecimal> fundsYuan() {
        return Optional.ofNullable(fundsWanYuan).filter(f -> f.signum() > 0)
                .map(f -> f.multiply(BigDecimal.valueOf(10_000)));
    }

    /** The head count the text states, or else the funds divided by the unit cost it states. */
    Optional<Quantity> countOrDerived() {
        if (count != null) {
            return Optional.of(count);
        }
        if (unitCost == null || unitCost.number().signum() <= 0 || !unitCost.unit().startsWith("元/")) {
            return Optional.empty();
        }
        String per = unitCost.unit().substring(2).split("/")[0];
        if (!Measurable.isPersonUnit(per)) {
            return Optional.empty();
        }
        // A monthly standard (元/人/月) is paid twelve times a year: dividing by it alone would count person-months.
        BigDecimal perYear = unitCost.unit().endsWith("/月")
                ? unitCost.number().multiply(BigDecimal.valueOf(12)) : unitCost.number();
        return fundsYuan().map(f -> new Quantity(f.divide(perYear, 0, RoundingMode.DOWN), per,
                "项目资金÷" + unitCost.value()));
    }

    /** The funds divided by the head count, when both are known: what one beneficiary costs. */
    Optional<Quantity> derivedUnitCost() {
        if (count == null || count.number().signum() <= 0 || count.unit().startsWith("万")) {
            return Optional.empty();
        }
        return fundsYuan().map(f -> new Quantity(f.divide(count.number(), 2, RoundingMode.HALF_UP),
                "元/" + count.unit(), "项目资金÷" + count.value()));
    }
}
