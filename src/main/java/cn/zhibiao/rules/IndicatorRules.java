package cn.zhibiao.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.zhibiao.indicator.Comparator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.indicator.ValueKind;

/**
 * The function of each indicator rule, registered under its catalog id. A function sees one prepared {@link Row}
 * and returns a {@link Hit} or null; which rows it is asked about, its severity and its wording are catalog data.
 */
final class IndicatorRules {

    /** A rule's test of one row. */
    @FunctionalInterface
    interface RowRule {
        Hit test(Row row);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The category labels of both frameworks, with and without 指标: a 三级 name must say more than these. "服务对象满意度"
     * is left out: it names what is measured, and forms use it as the indicator's name.
     */
    private static final Set<String> CATEGORY_NAMES = Stream.concat(
            Arrays.stream(Level1.values()).filter(l -> l != Level1.SATISFACTION).map(Level1::label),
            Arrays.stream(Level2.values()).filter(l -> l != Level2.SATISFACTION).map(Level2::label))
            .flatMap(label -> Stream.of(label, label.substring(0, label.length() - 2)))
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, RowRule> functions = new LinkedHashMap<>();

    IndicatorRules(Phrases p, RulesProperties settings) {
        PhraseList notApplicable = p.list("not-applicable");
        PhraseList placeholder = p.list("placeholder");
        PhraseList completion = p.list("completion");
        PhraseList completionPercent = p.list("completion-percent");
        PhraseList deferral = p.list("deferral");
        Pattern deferralShape = p.pattern("deferral-shape");
        PhraseList degree = p.list("degree");
        PhraseList nonMonetaryCost = p.list("non-monetary-cost");
        PhraseList noDeadline = p.list("no-deadline");
        PhraseList workVerbs = p.list("work-verbs");
        PhraseList rateName = p.list("rate-name");
        PhraseList growthRate = p.list("growth-rate");
        PhraseList positiveRate = p.list("positive-rate");
        PhraseList cappedRate = p.list("capped-rate");
        PhraseList satisfaction = p.list("satisfaction");
        PhraseList costFloorAllowed = p.list("cost-floor-allowed");
        Pattern frequency = p.pattern("frequency");
        Pattern executionRate = p.pattern("execution-rate");
        Pattern barePass = p.pattern("quality-bare-pass");
        Pattern residue = p.pattern("template-residue");
        Pattern labelOnly = p.pattern("template-label-only");
        Pattern dateSerial = p.pattern("date-serial");
        Pattern scientific = p.pattern("scientific");
        Pattern money = p.pattern("money");
        Pattern duration = p.pattern("duration");
        Pattern qualityStandard = p.pattern("quality-standard");
        Pattern grade = p.pattern("qualitative-grade");
        Pattern barePercent = p.pattern("bare-percent");
        Pattern bareNumber = p.pattern("bare-number");
        BigDecimal satisfactionMin = settings.satisfactionMinPercent();
        int workLength = settings.workDescriptionLength();
        double overlap = settings.restatementOverlap();

        register("LEVEL2_NOT_UNDER_LEVEL1", r -> r.indicator.level1() != null && r.level2 != null
                && !Taxonomy.belongsTo(r.level2, r.indicator.level1()) ? Hit.NO_SPAN : null);
        register("NOT_APPLICABLE_ROW", r -> {
            if (isNotApplicable(r.value, notApplicable)) {
                return Hit.WHOLE;
            }
            if (isNotApplicable(r.name, notApplicable)) {
                return new Hit(null, false, Map.of("text", r.indicator.name().strip()), null);
            }
            return null;
        });
        register("TEMPLATE_RESIDUE", r -> {
            Matcher inValue = residue.matcher(r.value);
            if (inValue.find()) {
                return Hit.at(inValue.group());
            }
            // A name that is only the numbering ("指标1：") leaves the row without a name, whatever the value says.
            String rawName = r.indicator.name() == null ? "" : r.indicator.name().strip();
            if (!rawName.isEmpty() && labelOnly.matcher(rawName).matches()) {
                return new Hit(null, false, Map.of("text", rawName), null);
            }
            return !r.value.isEmpty() && labelOnly.matcher(r.value).matches() ? Hit.WHOLE : null;
        });
        register("NAME_TEMPLATE_RESIDUE", r -> {
            Matcher inName = residue.matcher(r.name);
            return !r.value.isEmpty() && inName.find()
                    ? new Hit(null, false, Map.of("residue", inName.group()), null) : null;
        });
        register("SATISFACTION_WRONG_INDICATOR", r -> {
            if (satisfaction.foundIn(r.name) || satisfaction.foundIn(r.value)) {
                return null;
            }
            // 2019 forms have no name column: a bare percentage in the 满意度 row is the satisfaction target.
            boolean bareTarget = r.name.isEmpty() && (r.value.isEmpty() || barePercent.matcher(r.value).matches());
            return bareTarget ? null : Hit.NO_SPAN;
        });
        register("MISSING_NAME", r -> r.name.isEmpty() && r.level2 != Level2.SATISFACTION
                && (r.value.isEmpty() || bareNumber.matcher(r.value).matches()) ? Hit.NO_SPAN : null);
        register("MISSING_VALUE", r -> r.value.isEmpty() && !r.fromName ? Hit.NO_SPAN : null);
        register("NAME_IS_CATEGORY", r -> CATEGORY_NAMES.contains(r.name) ? Hit.NO_SPAN : null);
        register("VALUE_PLACEHOLDER", r -> !r.value.isEmpty() && placeholder.isWhole(r.value) ? Hit.WHOLE : null);
        register("SPREADSHEET_ARTEFACT", r -> {
            Matcher sci = scientific.matcher(r.value);
            if (sci.find()) {
                return Hit.at(sci.group());
            }
            return r.level2 == Level2.TIMELINESS && dateSerial.matcher(r.value).matches() ? Hit.WHOLE : null;
        });
        register("SATISFACTION_OVER_100", r -> r.percent != null && r.percent.compareTo(HUNDRED) > 0 ? spanOrName(r) : null);
        register("SATISFACTION_NO_PERCENT", r -> r.percent == null ? spanOrName(r) : null);
        register("SATISFACTION_BELOW_MIN", r -> r.percent != null && r.percent.compareTo(satisfactionMin) < 0
                && !isUpperBound(r)
                ? new Hit(null, !r.fromName, Map.of("min", satisfactionMin.stripTrailingZeros().toPlainString()), null)
                : null);
        register("SATISFACTION_IN_OTHER_CATEGORY", r -> found(satisfaction, r.value));
        register("COST_AS_RATE", r -> r.percent != null && !isMoney(r, money)
                && (executionRate.matcher(r.name).find() || executionRate.matcher(r.text).find()) ? Hit.WHOLE : null);
        register("COST_NOT_MONETARY", r -> {
            if (isMoney(r, money)) {
                return null;
            }
            Hit words = found(nonMonetaryCost, r.value);
            return words != null ? words : Hit.WHOLE;
        });
        register("COST_LOWER_BOUND", r -> isMoney(r, money) && r.parsed.comparator() != null
                && !r.parsed.comparator().isUpperBound() && r.parsed.comparator() != Comparator.EQUAL
                && !costFloorAllowed.foundIn(r.name) ? Hit.NO_SPAN : null);
        register("COST_ZERO", r -> r.parsed.number() != null && r.parsed.number().signum() == 0 && r.parsed.numberMax() == null
                && isMoney(r, money) ? Hit.WHOLE : null);
        register("TIME_FREQUENCY_ONLY", r -> isTimely(r, duration) ? null : found(frequency, r.value));
        register("TIME_NO_DEADLINE", r -> {
            if (isTimely(r, duration) || frequency.matcher(r.value).find()) {
                return null;
            }
            Hit words = found(noDeadline, r.value);
            return words != null ? words : Hit.WHOLE;
        });
        register("QUANTITY_NO_NUMBER", r -> {
            // A named rate ("接种率≥90%") is a standard 数量 indicator; a share without one is PERCENT_WITHOUT_METRIC's.
            if (r.parsed.number() != null && r.hasTarget) {
                return null;
            }
            Hit words = first(r.value, completionPercent, completion);
            words = words != null ? words : first(r.value, deferral, deferralShape);
            return words != null ? words : Hit.WHOLE;
        });
        register("QUALITY_BARE_PASS", r -> !r.hasTarget && barePass.matcher(r.value).matches() ? Hit.WHOLE : null);
        register("QUALITY_NO_STANDARD", r -> {
            if (r.hasTarget || qualityStandard.matcher(r.text).find() || grade.matcher(r.text).find()) {
                return null;
            }
            Hit words = first(r.value, deferral, deferralShape);
            words = words != null ? words : found(completion, r.value);
            return words != null ? words : Hit.WHOLE;
        });
        register("PERCENT_OVER_100", r -> {
            if (r.level2 == Level2.SATISFACTION || r.percent == null || r.percent.compareTo(HUNDRED) <= 0) {
                return null;
            }
            String subject = r.name.isEmpty() ? r.text : r.name;
            return cappedRate.foundIn(subject) && !growthRate.foundIn(subject) ? spanOrName(r) : null;
        });
        register("RATE_UPPER_BOUND", r -> r.percent != null && isUpperBound(r) && positiveRate.foundIn(r.name.isEmpty() ? r.text : r.name)
                ? Hit.NO_SPAN : null);
        register("INPUT_AS_OUTPUT", r -> isMoneyTotal(r.unit) && !costFloorAllowed.foundIn(r.name)
                ? Hit.WHOLE : null);
        register("VALUE_COMPLETION_PERCENT", r -> rateName.foundIn(r.name) ? null : found(completionPercent, r.value));
        register("VALUE_WORK_DESCRIPTION", r -> {
            boolean descriptive = !r.hasTarget || r.level1 == Level1.BENEFIT || r.level2 == null;
            if (r.value.length() <= workLength || !descriptive || !workVerbs.foundIn(r.value)) {
                return null;
            }
            String raw = r.indicator.value().strip();
            return new Hit(null, true, Map.of("excerpt", raw.length() > workLength ? raw.substring(0, workLength) + "…" : raw), null);
        });
        register("VALUE_VAGUE_COMPLETION", r -> r.hasTarget ? null : found(completion, r.value));
        register("VALUE_DEFERS_TO_RULES", r -> r.hasTarget ? null : first(r.value, deferral, deferralShape));
        register("VALUE_VAGUE_DEGREE", r -> r.hasTarget ? null : found(degree, r.value));
        register("VALUE_RESTATES_NAME", r -> !r.hasTarget && !r.value.isEmpty() && !r.name.isEmpty()
                && Row.overlap(r.value, r.name) >= overlap ? Hit.WHOLE : null);
        register("VALUE_RESTATES_GOAL", r -> !r.hasTarget && r.value.length() > 3
                && Row.overlap(r.value, r.goals) >= overlap ? Hit.WHOLE : null);
        register("PERCENT_WITHOUT_METRIC", r -> r.level2 != Level2.SATISFACTION && !r.name.isEmpty()
                && barePercent.matcher(r.value).matches() && !rateName.foundIn(r.name) ? Hit.WHOLE : null);
        register("BENEFIT_NOT_MEASURABLE", r -> r.hasTarget || grade.matcher(r.text).find() ? null : spanOrName(r));
        register("SATISFACTION_FULL_MARKS", r -> r.percent != null && r.percent.compareTo(HUNDRED) == 0
                && !isUpperBound(r) ? spanOrName(r) : null);
        register("TARGET_IN_NAME", r -> r.fromName ? Hit.NO_SPAN : null);
    }

    Map<String, RowRule> functions() {
        return Map.copyOf(functions);
    }

    private void register(String id, RowRule rule) {
        functions.put(id, rule);
    }

    private static boolean isNotApplicable(String text, PhraseList notApplicable) {
        return !text.isEmpty() && (notApplicable.isWhole(text) || text.startsWith("本项目不涉及")
                || text.startsWith("本项目不产生") || text.startsWith("不涉及"));
    }

    /** Money in the value, or a bare number whose name announces a money unit ("项目总投入(万元)"). */
    private static boolean isMoney(Row r, Pattern money) {
        return money.matcher(r.text).find() || r.unit != null && r.parsed.hasNumber()
                && (r.unit.startsWith("元") || r.unit.startsWith("万元") || r.unit.startsWith("亿元")
                        || r.unit.startsWith("千元"));
    }

    /** A deadline, a duration or a timeliness rate. */
    private static boolean isTimely(Row r, Pattern duration) {
        return r.parsed.deadline() != null || r.parsed.kind() == ValueKind.DATE
                || r.percent != null || duration.matcher(r.text).find();
    }

    private static boolean isUpperBound(Row r) {
        return r.parsed.comparator() != null && r.parsed.comparator().isUpperBound();
    }

    /** A total in money (元, 万元, …), not a unit cost. */
    private static boolean isMoneyTotal(String unit) {
        return unit != null && (unit.equals("元") || unit.equals("万元") || unit.equals("亿元") || unit.equals("千元"));
    }

    private static Hit spanOrName(Row r) {
        return r.fromName ? Hit.NO_SPAN : Hit.WHOLE;
    }

    private static Hit found(PhraseList list, String text) {
        String phrase = list.find(text);
        return phrase == null ? null : Hit.at(phrase);
    }

    private static Hit found(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Hit.at(m.group()) : null;
    }

    /** The first list's phrase, else the shape's match. */
    private static Hit first(String text, PhraseList list, Pattern shape) {
        Hit hit = found(list, text);
        return hit != null ? hit : found(shape, text);
    }

    private static Hit first(String text, PhraseList... lists) {
        for (PhraseList list : lists) {
            Hit hit = found(list, text);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}
