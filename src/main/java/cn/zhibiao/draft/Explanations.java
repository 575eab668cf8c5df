package cn.zhibiao.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.retrieval.Hit;
import cn.zhibiao.retrieval.ProjectQuery;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.rules.RuleView;

/**
 * "Why was this flagged?": each finding with its rule's message, why, fix and basis, the offending span and the
 * author's override; and compliant indicators of the same 二级指标 from the most similar past projects, each with
 * its source, as models to follow.
 */
@Component
class Explanations {

    private final RuleChecker checker;
    private final SimilarProjects similar;
    private final DraftProperties properties;

    Explanations(RuleChecker checker, SimilarProjects similar, DraftProperties properties) {
        this.checker = checker;
        this.similar = similar;
        this.properties = properties;
    }

    record Explained(String ruleId, String severity, Integer indicatorIndex, String level2, String name, String value,
            Finding.Span span, String message, String why, String fix, List<String> basis, FindingOverride override) {
    }

    record Example(String level2, String name, String value, String projectName, String department, Integer year,
            String source, String declarationId) {
    }

    record Why(int indicatorIndex, Indicator indicator, List<Explained> findings, List<Example> examples) {
    }

    List<Explained> findings(Draft draft) {
        return draft.findings().stream().map(f -> explain(f, draft.overrides())).toList();
    }

    Why why(Draft draft, int index) {
        Indicator indicator = draft.declaration().indicators().get(index);
        List<Explained> findings = draft.findings().stream()
                .filter(f -> Objects.equals(f.indicatorIndex(), index))
                .map(f -> explain(f, draft.overrides()))
                .toList();
        return new Why(index, indicator, findings, examples(draft, indicator));
    }

    private Explained explain(Finding f, List<FindingOverride> overrides) {
        RuleView rule = checker.catalog().rule(f.ruleId()).orElse(null);
        FindingOverride override = overrides.stream().filter(o -> o.matches(f.indicatorIndex(), f.ruleId())).findFirst()
                .orElse(null);
        return new Explained(f.ruleId(), f.severity().name(), f.indicatorIndex(), f.level2(), f.name(), f.value(),
                f.span(), f.message(), f.why(), rule != null ? rule.fix() : f.suggestion(),
                rule != null ? rule.basis() : List.of(), override);
    }

    /** Rows of the same level-2 category that pass every rule, from the past projects most like this draft. */
    private List<Example> examples(Draft draft, Indicator indicator) {
        String level2 = indicator.level2() != null ? indicator.level2().label() : indicator.level2Raw();
        Declaration d = draft.declaration();
        if (level2 == null || blank(d.projectName()) && blank(d.overview())) {
            return List.of();
        }
        List<Hit> hits = similar.search(new ProjectQuery(d.projectName(), d.overview(), d.department(), d.region(),
                d.year(), d.fundsWanYuan()), properties.similarProjects()).hits();
        List<Example> examples = new ArrayList<>();
        for (Hit hit : hits) {
            Declaration past = hit.declaration();
            if ((DraftService.APPROVED_SOURCE + draft.id()).equals(past.source())) {
                continue;
            }
            Set<Integer> flagged = checker.check(past).stream().map(Finding::indicatorIndex).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            for (int i = 0; i < past.indicators().size() && examples.size() < properties.examples(); i++) {
                Indicator row = past.indicators().get(i);
                String rowLevel2 = row.level2() != null ? row.level2().label() : row.level2Raw();
                if (!flagged.contains(i) && level2.equals(rowLevel2) && !blank(row.value())) {
                    examples.add(new Example(rowLevel2, row.name(), row.value(), past.projectName(), past.department(),
                            past.year(), past.source(), past.id()));
                    break;
                }
            }
            if (examples.size() == properties.examples()) {
                break;
            }
        }
        return examples;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
