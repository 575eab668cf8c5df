package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Comparator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.ValueKind;
import cn.zhibiao.indicator.ValueParser;

/**
 * How a precedent's row becomes this project's row: its years moved to the project's year, its district renamed, its
 * figures replaced by those the project states or implies, and quantity × unit cost made to agree with the funds.
 * Every change is written into {@code notes}, which end up in the row's rationale.
 */
final class Adaptation {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?=\\s*(?:年|[.\\-/]\\d{1,2}))");
    private static final Pattern DISTRICT = Pattern.compile("([^省市]{2,8}?(?:区|县|旗))$");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** How far quantity × unit cost may stray from the funds: the rule checker's default funds-tolerance. */
    private static final BigDecimal FUNDS_TOLERANCE = new BigDecimal("0.2");

    private Adaptation() {
    }

    /**
     * Makes quantity × unit cost agree with the funds, as reviewers check (S9 ④): when the two come from different
     * precedents they rarely do. The figure the project's own text states is kept; the other is recomputed from the
     * funds. Only rows proposed here (from index {@code firstNew}) are touched.
     */
    static List<ProposedRow> balance(List<ProposedRow> rows, int firstNew, ProjectFacts facts) {
        Optional<BigDecimal> funds = facts.fundsYuan();
        int q = -1;
        int c = -1;
        for (int i = firstNew; i < rows.size(); i++) {
            ProposedRow row = rows.get(i);
            ParsedValue parsed = ValueParser.parse(row.value());
            if (q < 0 && row.level2() == Level2.QUANTITY && parsed.hasNumber() && parsed.numberMax() == null
                    && parsed.unit() != null && !parsed.unit().startsWith("万")) {
                q = i;
            }
            if (c < 0 && row.level2() == Level2.COST && parsed.hasNumber() && parsed.numberMax() == null
                    && parsed.unit() != null && parsed.unit().matches("万?元/.+")) {
                c = i;
            }
        }
        if (funds.isEmpty() || q < 0 || c < 0) {
            return rows;
        }
        ParsedValue quantity = ValueParser.parse(rows.get(q).value());
        ParsedValue cost = ValueParser.parse(rows.get(c).value());
        String unit = personUnit(quantity.unit());
        String[] costUnit = cost.unit().split("/");
        if (!unit.equals(personUnit(costUnit[1])) || quantity.number().signum() <= 0 || cost.number().signum() <= 0) {
            return rows;
        }
        BigDecimal yuanPerUnit = cost.number().multiply(cost.unit().startsWith("万") ? BigDecimal.valueOf(10_000)
                : BigDecimal.ONE).multiply(costUnit.length > 2 && costUnit[2].equals("月") ? BigDecimal.valueOf(12)
                        : BigDecimal.ONE);
        BigDecimal product = quantity.number().multiply(yuanPerUnit);
        BigDecimal deviation = product.subtract(funds.get()).abs().divide(funds.get(), 4, RoundingMode.HALF_UP);
        if (deviation.compareTo(FUNDS_TOLERANCE) <= 0) {
            return rows;
        }
        List<ProposedRow> out = new ArrayList<>(rows);
        ProposedRow costRow = rows.get(c);
        ProposedRow quantityRow = rows.get(q);
        if (costRow.rationale().contains("取自本项目材料") && !quantityRow.rationale().contains("本项目材料")) {
            BigDecimal count = funds.get().divide(yuanPerUnit, 0, RoundingMode.DOWN);
            String value = count.toPlainString() + quantity.unit();
            out.set(q, quantityRow.withValue(value, "数量按本项目资金÷" + costRow.value().replace("≤", "") + "测算为"
                    + value));
        } else if (!costRow.rationale().contains("取自本项目材料")) {
            boolean wan = cost.unit().startsWith("万");
            BigDecimal perUnit = funds.get().divide(quantity.number(), 6, RoundingMode.HALF_UP)
                    .divide(costUnit.length > 2 && costUnit[2].equals("月") ? BigDecimal.valueOf(12) : BigDecimal.ONE,
                            6, RoundingMode.HALF_UP)
                    .divide(wan ? BigDecimal.valueOf(10_000) : BigDecimal.ONE, 2, RoundingMode.HALF_UP);
            String value = "≤" + plain(perUnit) + (wan ? "万元/" : "元/") + String.join("/",
                    Arrays.copyOfRange(costUnit, 1, costUnit.length));
            out.set(c, costRow.withValue(value, "按本项目资金÷数量（" + quantityRow.value() + "）调整为" + value
                    + "，使数量×单位成本与资金相符"));
        }
        return out;
    }

    private static String personUnit(String unit) {
        return "名".equals(unit) ? "人" : unit == null ? "" : unit;
    }

    /** A plain name for a nameless row, where its value says unambiguously what it measures. */
    static String nameFromValue(Level2 level2, ParsedValue parsed) {
        String unit = parsed.unit() == null ? "" : parsed.unit();
        return switch (level2) {
            case QUANTITY -> !Measurable.isPersonUnit(unit) ? null
                    : unit.contains("户") ? "受益户数" : unit.contains("人次") ? "服务人次" : "受益人数";
            case TIMELINESS -> parsed.kind() == ValueKind.DATE ? "资金拨付完成时间" : null;
            case COST -> !unit.contains("元") ? null : unit.contains("/") ? "补助标准" : "项目总成本";
            case SATISFACTION -> parsed.isPercent() ? "服务对象满意度" : null;
            default -> null;
        };
    }

    /** Replaces the precedent's figures by this project's, where the project states or implies them. */
    static String adaptValue(Level2 level2, String name, String value, ProjectFacts facts,
            List<String> notes) {
        ParsedValue parsed = ValueParser.parse(value);
        if (parsed.kind() != ValueKind.QUANTITY && parsed.kind() != ValueKind.DATE) {
            return value;
        }
        String comparator = parsed.comparator() == null ? "" : parsed.comparator().symbol();
        switch (level2) {
            case QUANTITY -> {
                if (!Measurable.isPersonUnit(parsed.unit())) {
                    return value;
                }
                Optional<ProjectFacts.Quantity> count = facts.countOrDerived();
                if (count.isPresent()) {
                    notes.add(facts.count() != null ? "数量取自本项目材料“" + count.get().quote() + "”"
                            : "数量按" + count.get().quote() + "测算");
                    return comparator + count.get().value();
                }
                notes.add("数值沿用相似项目，请按本项目实际核定");
                return value;
            }
            case COST -> {
                String unit = parsed.unit();
                if (unit == null || !unit.contains("元")) {
                    return value;
                }
                if (!unit.contains("/")) {
                    if (facts.fundsWanYuan() == null || facts.fundsWanYuan().signum() <= 0) {
                        notes.add("金额沿用相似项目，请按本项目资金核定");
                        return value;
                    }
                    notes.add("上限取本项目资金" + plain(facts.fundsWanYuan()) + "万元");
                    return "≤" + plain(facts.fundsWanYuan()) + "万元";
                }
                if (facts.unitCost() != null) {
                    notes.add("标准取自本项目材料“" + facts.unitCost().quote() + "”");
                    return "≤" + facts.unitCost().value();
                }
                Optional<ProjectFacts.Quantity> derived = facts.derivedUnitCost();
                if (derived.isPresent() && unit.startsWith("元/")) {
                    notes.add("按本项目资金÷受益对象数（" + facts.count().value() + "）测算");
                    return "≤" + derived.get().value();
                }
                notes.add("标准沿用相似项目，请按本项目测算标准核实");
                // A cost is a cap: a floor (≥) on it is what reviewers send back.
                return parsed.comparator() == Comparator.AT_LEAST ? "≤" + value.replaceFirst("^\\s*≥\\s*", "") : value;
            }
            case TIMELINESS -> {
                if (parsed.kind() == ValueKind.DATE && facts.deadline() != null) {
                    notes.add("期限取自本项目材料");
                    return facts.deadline();
                }
                return value;
            }
            case SATISFACTION -> {
                if (parsed.isPercent() && parsed.number().compareTo(HUNDRED) == 0
                        && (parsed.comparator() == null || parsed.comparator() == Comparator.EQUAL)) {
                    notes.add("原值100%难以实现且无区分度，改为≥95%");
                    return "≥95%";
                }
                return value;
            }
            default -> {
                Optional<BigDecimal> rate = parsed.isPercent() ? facts.rateFor(name) : Optional.empty();
                if (rate.isPresent() && rate.get().compareTo(parsed.number()) != 0) {
                    notes.add("目标值取自本项目绩效目标（" + plain(rate.get()) + "%）");
                    return "≥" + plain(rate.get()) + "%";
                }
                return value;
            }
        }
    }

    /** Every year written in {@code text} replaced by {@code year}: an instruction example's year is its own. */
    static String setYears(String text, int year) {
        return YEAR.matcher(text).replaceAll(String.valueOf(year));
    }

    static String shiftYears(String text, int delta) {
        Matcher m = YEAR.matcher(text);
        return m.replaceAll(r -> String.valueOf(Integer.parseInt(r.group(1)) + delta));
    }

    static String replaceDistrict(String name, String pastRegion, String region) {
        String past = district(pastRegion);
        if (name == null || past == null || !name.contains(past)) {
            return name;
        }
        String now = district(region);
        return name.replace(past, now == null ? "本区" : now);
    }

    private static String district(String region) {
        if (region == null) {
            return null;
        }
        Matcher m = DISTRICT.matcher(region.strip());
        return m.find() ? m.group(1) : null;
    }

    private static String plain(BigDecimal n) {
        return n.setScale(Math.min(2, Math.max(0, n.stripTrailingZeros().scale())), RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

}
