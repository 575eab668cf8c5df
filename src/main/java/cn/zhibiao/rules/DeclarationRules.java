package cn.zhibiao.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;

/**
 * The function of each declaration rule: consistency between rows and with the funds, and coverage of the indicator
 * families. A hit may name the row it concerns (a repeat, an annual value) or none (a missing family).
 */
final class DeclarationRules {

    /** A rule's test of a whole declaration. */
    @FunctionalInterface
    interface DeclarationRule {
        List<Hit> test(Declaration declaration, List<Row> rows);
    }

    private static final Set<Level2> CUMULATIVE = EnumSet.of(Level2.QUANTITY, Level2.COST, Level2.ECONOMIC_COST);
    private static final Set<Level2> MONEY_COST = EnumSet.of(Level2.COST, Level2.ECONOMIC_COST);
    private static final Set<Level2> ANY_COST = EnumSet.of(Level2.COST, Level2.ECONOMIC_COST, Level2.SOCIAL_COST,
            Level2.ECOLOGICAL_COST);
    private static final List<Level2> OUTPUT_FAMILIES = List.of(Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS);
    /** 万元 per unit of money, for comparing amounts with the funds (always in 万元 on the forms). */
    private static final Map<String, BigDecimal> WAN_YUAN_PER = Map.of(
            "元", new BigDecimal("0.0001"), "千元", new BigDecimal("0.1"), "万元", BigDecimal.ONE, "万", BigDecimal.ONE,
            "亿元", new BigDecimal("10000"));
    /** Units of a unit cost that the quantity rows count in; a unit cost per month or day cannot be multiplied out. */
    private static final Set<String> PERIOD_UNITS = Set.of("月", "天", "日", "周", "次/月");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, DeclarationRule> functions = new LinkedHashMap<>();

    DeclarationRules(Phrases p, RulesProperties settings) {
        PhraseList servesPeople = p.list("serves-people");
        BigDecimal tolerance = settings.fundsTolerance();

        register("ANNUAL_ABOVE_PERIOD", (d, rows) -> {
            Map<String, Row> periods = new HashMap<>();
            for (Row r : rows) {
                if (r.indicator.scope() == Scope.PERIOD && isComparable(r)) {
                    periods.putIfAbsent(r.level2 + "|" + r.name, r);
                }
            }
            List<Hit> hits = new ArrayList<>();
            for (Row r : rows) {
                Row period = r.indicator.scope() == Scope.ANNUAL && isComparable(r) ? periods.get(r.level2 + "|" + r.name) : null;
                if (period != null && r.parsed.unit().equals(period.parsed.unit())
                        && r.parsed.number().compareTo(period.parsed.number()) > 0) {
                    hits.add(Hit.onRow(r.index, Map.of("annual", r.quoted(), "period", period.quoted())));
                }
            }
            return hits;
        });
        register("COST_ABOVE_FUNDS", (d, rows) -> {
            List<Hit> hits = new ArrayList<>();
            for (Row r : rows) {
                BigDecimal funds = r.indicator.scope() == Scope.PERIOD ? d.periodFundsWanYuan() : d.fundsWanYuan();
                BigDecimal amount = MONEY_COST.contains(r.level2) ? wanYuan(r.parsed.number(), r.parsed.unit()) : null;
                if (amount != null && funds != null && funds.signum() > 0 && amount.compareTo(funds) > 0) {
                    hits.add(Hit.onRow(r.index, Map.of("funds", funds.stripTrailingZeros().toPlainString())));
                }
            }
            return hits;
        });
        register("FUNDS_MISMATCH", (d, rows) -> {
            BigDecimal funds = d.fundsWanYuan();
            if (funds == null || funds.signum() <= 0) {
                return List.of();
            }
            for (Row cost : rows) {
                String countUnit = MONEY_COST.contains(cost.level2) && cost.indicator.scope() != Scope.PERIOD
                        && numbers(cost.text) == 1 ? countUnit(cost.parsed.unit()) : null;
                BigDecimal perUnit = countUnit == null ? null
                        : wanYuan(cost.parsed.number(), cost.parsed.unit().substring(0, cost.parsed.unit().indexOf('/')));
                if (perUnit == null) {
                    continue;
                }
                for (Row quantity : rows) {
                    if (quantity.level2 == Level2.QUANTITY && quantity.indicator.scope() != Scope.PERIOD
                            && quantity.parsed.number() != null && numbers(quantity.text) == 1
                            && sameCount(countUnit, quantity.parsed.unit())) {
                        BigDecimal product = quantity.parsed.number().multiply(perUnit);
                        BigDecimal gap = product.subtract(funds).abs().divide(funds, 4, RoundingMode.HALF_UP);
                        if (gap.compareTo(tolerance) <= 0) {
                            return List.of();
                        }
                        return List.of(Hit.with(Map.of(
                                "quantity", quantity.quoted(), "unitCost", cost.quoted(),
                                "product", product.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
                                "funds", funds.stripTrailingZeros().toPlainString(),
                                "gap", percent(gap), "tolerance", percent(tolerance))));
                    }
                }
            }
            return List.of();
        });
        register("DUPLICATE_INDICATOR", (d, rows) -> {
            Map<String, Integer> seen = new HashMap<>();
            List<Hit> hits = new ArrayList<>();
            for (Row r : rows) {
                if (r.name.isEmpty() && r.value.isEmpty()) {
                    continue;
                }
                String key = r.indicator.scope() + "|" + r.level1 + "|" + r.level2 + "|" + r.name + "|" + r.value;
                Integer first = seen.putIfAbsent(key, r.index);
                if (first != null) {
                    hits.add(Hit.onRow(r.index, Map.of("first", String.valueOf(first + 1))));
                }
            }
            return hits;
        });
        register("COVERAGE_OUTPUT", (d, rows) -> {
            if (d.kind() == DeclarationKind.DEPARTMENT) {
                return List.of();
            }
            StringJoiner missing = new StringJoiner("、");
            for (Level2 family : OUTPUT_FAMILIES) {
                if (rows.stream().noneMatch(r -> r.level2 == family)) {
                    missing.add(family.label());
                }
            }
            return missing.length() == 0 ? List.of() : List.of(Hit.with(Map.of("missing", missing.toString())));
        });
        register("COVERAGE_BENEFIT", (d, rows) -> d.kind() == DeclarationKind.DEPARTMENT
                || rows.stream().anyMatch(r -> r.level1 == Level1.BENEFIT && r.level2 != Level2.SATISFACTION)
                ? List.of() : List.of(Hit.NO_SPAN));
        register("COVERAGE_SATISFACTION", (d, rows) -> {
            String about = String.join("|", nonNull(d.projectName()), nonNull(d.annualGoal()), nonNull(d.periodGoal()),
                    nonNull(d.overview()));
            boolean servesPeopleProject = servesPeople.foundIn(about);
            return d.kind() == DeclarationKind.DEPARTMENT || !servesPeopleProject
                    || rows.stream().anyMatch(r -> r.level2 == Level2.SATISFACTION) ? List.of() : List.of(Hit.NO_SPAN);
        });
        register("COVERAGE_COST", (d, rows) -> {
            BigDecimal funds = d.fundsWanYuan() != null ? d.fundsWanYuan() : d.periodFundsWanYuan();
            boolean spends = funds != null && funds.signum() > 0;
            return d.kind() == DeclarationKind.DEPARTMENT || !spends
                    || rows.stream().anyMatch(r -> ANY_COST.contains(r.level2) || r.level1 == Level1.COST)
                    ? List.of() : List.of(Hit.with(Map.of("funds", funds.stripTrailingZeros().toPlainString())));
        });
    }

    Map<String, DeclarationRule> functions() {
        return Map.copyOf(functions);
    }

    private void register(String id, DeclarationRule rule) {
        functions.put(id, rule);
    }

    private static boolean isComparable(Row r) {
        return CUMULATIVE.contains(r.level2) && !r.name.isEmpty() && r.parsed.number() != null
                && r.parsed.unit() != null && r.percent == null;
    }

    /** An amount of money in 万元, or null when the unit is not a plain money unit (a unit cost, a count). */
    private static BigDecimal wanYuan(BigDecimal number, String unit) {
        BigDecimal factor = unit == null ? null : WAN_YUAN_PER.get(unit);
        return number == null || factor == null ? null : number.multiply(factor);
    }

    /**
     * The count a unit cost is per ("元/人" → 人, "万元/人/年" → 人), or null when it is per period of time or not
     * a unit cost; the declaration's funds are for one year, so "/年" is neutral.
     */
    private static String countUnit(String unit) {
        if (unit == null || unit.indexOf('/') < 0) {
            return null;
        }
        String count = null;
        for (String part : unit.substring(unit.indexOf('/') + 1).split("/")) {
            if (PERIOD_UNITS.contains(part)) {
                return null;
            }
            if (!part.equals("年") && count == null) {
                count = part;
            }
        }
        return count;
    }

    private static boolean sameCount(String countUnit, String quantityUnit) {
        if (quantityUnit == null) {
            return false;
        }
        String q = quantityUnit.equals("名") ? "人" : quantityUnit;
        String c = countUnit.equals("名") ? "人" : countUnit;
        return q.equals(c);
    }

    /**
     * How many numbers a value states. Only a value with one number is a single quantity or unit cost; a row that
     * lists several items ("2000名老人、100名护理人员…") cannot be multiplied out.
     */
    private static int numbers(String text) {
        int count = 0;
        boolean inNumber = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9' || inNumber && (c == '.' || c == ',');
            if (digit && !inNumber) {
                count++;
            }
            inNumber = digit;
        }
        return count;
    }

    private static String percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
