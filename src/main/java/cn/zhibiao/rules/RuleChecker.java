package cn.zhibiao.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.system.CommandSettings;

/**
 * Decides, deterministically, which indicator values cannot be measured and why. One instance is immutable and
 * thread-safe; build it once (Spring bean, or {@link #fromSettings} on the command line).
 *
 * <p>Indicator rules run in catalog order; the first exclusive rule that fires on a row is its root cause and the
 * later exclusive rules stay silent, so "按计划完成" on a 时效 row gives one time finding, not also a vague one.
 * Non-exclusive hints run only on rows without a root-cause finding.
 */
public final class RuleChecker {

    private final RuleCatalog catalog;
    private final List<Active<IndicatorRules.RowRule>> rowRules;
    private final List<Active<DeclarationRules.DeclarationRule>> declarationRules;
    private final Pattern namePrefix;
    private final Pattern nameUnit;

    public RuleChecker(RulesProperties settings) {
        List<RuleSpec> specs = CatalogLoader.load();
        Phrases phrases = Phrases.load();
        Map<String, IndicatorRules.RowRule> rowFunctions = new IndicatorRules(phrases, settings).functions();
        Map<String, DeclarationRules.DeclarationRule> declarationFunctions =
                new DeclarationRules(phrases, settings).functions();
        checkRegistry(specs, rowFunctions.keySet(), declarationFunctions.keySet());
        this.catalog = new RuleCatalog(specs, settings);
        this.namePrefix = phrases.pattern("name-label-prefix");
        this.nameUnit = phrases.pattern("name-unit");
        List<Active<IndicatorRules.RowRule>> exclusive = new ArrayList<>();
        List<Active<IndicatorRules.RowRule>> hints = new ArrayList<>();
        List<Active<DeclarationRules.DeclarationRule>> declaration = new ArrayList<>();
        for (RuleSpec spec : specs) {
            RuleView view = catalog.rule(spec.id()).orElseThrow();
            if (!view.enabled()) {
                continue;
            }
            if (spec.declarationLevel()) {
                declaration.add(new Active<>(spec, view.severity(), declarationFunctions.get(spec.id())));
            } else {
                (spec.exclusive() ? exclusive : hints).add(new Active<>(spec, view.severity(), rowFunctions.get(spec.id())));
            }
        }
        exclusive.addAll(hints);
        this.rowRules = List.copyOf(exclusive);
        this.declarationRules = List.copyOf(declaration);
    }

    /** The settings of application.yaml, with environment overrides, read without Spring. */
    public static RuleChecker fromSettings(CommandSettings settings) {
        return new RuleChecker(RulesProperties.from(settings));
    }

    /** The checker as configured in application.yaml (and the environment). */
    public static RuleChecker defaults() {
        return fromSettings(CommandSettings.load());
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** Findings for every row (in row order), then for the declaration as a whole. */
    public List<Finding> check(Declaration declaration) {
        List<Indicator> indicators = declaration.indicators();
        String goals = Row.squeeze(declaration.annualGoal()) + "|" + Row.squeeze(declaration.periodGoal());
        List<Row> rows = new ArrayList<>(indicators.size());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Row row = new Row(i, indicators.get(i), namePrefix, nameUnit, goals);
            rows.add(row);
            boolean rootCauseFound = false;
            for (Active<IndicatorRules.RowRule> rule : rowRules) {
                if (rootCauseFound || !rule.spec.appliesTo(row.level1, row.level2)) {
                    continue;
                }
                Hit hit = rule.function.test(row);
                if (hit != null) {
                    findings.add(finding(rule, row, hit));
                    rootCauseFound = rule.spec.exclusive();
                }
            }
        }
        for (Active<DeclarationRules.DeclarationRule> rule : declarationRules) {
            for (Hit hit : rule.function.test(declaration, rows)) {
                Row row = hit.indicatorIndex() == null ? null : rows.get(hit.indicatorIndex());
                findings.add(finding(rule, row, hit));
            }
        }
        // Declaration rules that point at a row (a repeat, an annual value) are listed with that row; the sort is stable.
        findings.sort(Comparator.comparing(Finding::indicatorIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(findings);
    }

    private Finding finding(Active<?> rule, Row row, Hit hit) {
        Map<String, String> params = new HashMap<>();
        String rawValue = null;
        if (row != null) {
            Indicator indicator = row.indicator;
            rawValue = indicator.value();
            params.put("value", rawValue == null ? "" : rawValue.strip());
            params.put("name", indicator.name() == null ? "" : indicator.name().strip());
            params.put("text", row.quoted());
            params.put("level2", level2(indicator));
            params.put("level1", indicator.level1Raw() != null ? indicator.level1Raw()
                    : indicator.level1() != null ? indicator.level1().label() : "");
            params.put("row", String.valueOf(row.index + 1));
        }
        params.putAll(hit.params());
        return new Finding(rule.spec.id(), rule.severity, row == null ? null : row.index,
                row == null ? null : level2(row.indicator), row == null ? null : row.indicator.name(), rawValue,
                span(rawValue, hit, row), format(rule.spec.message(), params), rule.spec.fix(), rule.spec.why());
    }

    private static Finding.Span span(String rawValue, Hit hit, Row row) {
        if (rawValue == null || row == null || row.fromName) {
            return null;
        }
        if (hit.phrase() != null) {
            int at = rawValue.indexOf(hit.phrase());
            return at < 0 ? null : new Finding.Span(at, at + hit.phrase().length());
        }
        if (hit.wholeValue()) {
            int start = 0;
            int end = rawValue.length();
            while (start < end && Character.isWhitespace(rawValue.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(rawValue.charAt(end - 1))) {
                end--;
            }
            return new Finding.Span(start, end);
        }
        return null;
    }

    private static String level2(Indicator indicator) {
        return indicator.level2() != null ? indicator.level2().label() : indicator.level2Raw();
    }

    private static String format(String template, Map<String, String> params) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 1, close);
            out.append(template, i, open).append(params.getOrDefault(key, "{" + key + "}"));
            i = close + 1;
        }
        return out.toString();
    }

    /** Fails at start when the catalog and the code disagree: a rule without a function, or a function without a rule. */
    static void checkRegistry(List<RuleSpec> specs, Set<String> rowFunctions, Set<String> declarationFunctions) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleSpec spec : specs) {
            ids.add(spec.id());
            Set<String> expected = spec.declarationLevel() ? declarationFunctions : rowFunctions;
            if (!expected.contains(spec.id())) {
                problems.add(spec.id() + " 在 " + CatalogLoader.FILE + " 中有定义，但没有对应的" + (spec.declarationLevel() ? "申报级" : "指标级") + "函数");
            }
        }
        Set<String> functions = new HashSet<>(rowFunctions);
        functions.addAll(declarationFunctions);
        functions.removeAll(ids);
        functions.forEach(id -> problems.add(id + " 有函数，但 " + CatalogLoader.FILE + " 中没有定义"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("规则目录与代码不一致：" + String.join("；", problems));
        }
    }

    private record Active<F>(RuleSpec spec, Severity severity, F function) {
    }
}
