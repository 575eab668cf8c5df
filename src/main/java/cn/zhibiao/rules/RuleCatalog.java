package cn.zhibiao.rules;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The effective catalog: the rules of {@code rules/catalog.yaml} with the bureau's overrides applied (rules switched
 * off, severities changed). This is what {@code GET /api/rules} shows and what the checker runs.
 */
public final class RuleCatalog {

    private final Map<String, RuleView> rules;

    RuleCatalog(List<RuleSpec> specs, RulesProperties settings) {
        Set<String> ids = specs.stream().map(RuleSpec::id).collect(Collectors.toSet());
        Set<String> unknown = new HashSet<>(settings.disabled());
        unknown.addAll(settings.severity().keySet());
        unknown.removeAll(ids);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("zhibiao.rules 中引用了不存在的规则：" + unknown.stream().sorted().toList());
        }
        Map<String, RuleView> views = new LinkedHashMap<>();
        for (RuleSpec spec : specs) {
            views.put(spec.id(), new RuleView(spec.id(), spec.title(), settings.severity().getOrDefault(spec.id(), spec.severity()),
                    !settings.disabled().contains(spec.id()), spec.declarationLevel() ? "DECLARATION" : "INDICATOR",
                    spec.appliesToLabels(), spec.message(), spec.why(), spec.basis(), spec.fix(), spec.bad(), spec.good(),
                    spec.evidence()));
        }
        this.rules = Collections.unmodifiableMap(views);
    }

    /** Every rule in catalog order, switched-off ones included (with {@code enabled} false). */
    public List<RuleView> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<RuleView> rule(String id) {
        return Optional.ofNullable(id == null ? null : rules.get(id.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * A short plain-text list of the enabled rules, for an LLM prompt: the model should write values these rules
     * accept, while the checker, not the model, decides.
     */
    public String promptSummary() {
        StringBuilder out = new StringBuilder("指标值须通过以下确定性规则检查（ERROR 阻止提交，WARNING 会被审核退回）：\n");
        for (RuleView rule : rules.values()) {
            if (rule.enabled() && rule.severity() != Severity.INFO) {
                out.append("- ").append(rule.id()).append(" [").append(rule.severity()).append("] ")
                        .append(rule.title()).append("（适用：").append(String.join("、", rule.appliesTo()))
                        .append("）。").append(rule.fix()).append('\n');
            }
        }
        return out.toString();
    }
}
