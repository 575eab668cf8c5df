package cn.zhibiao.rules;

import java.util.List;

/**
 * A rule as reviewers and bureaus see it: the catalog entry with its effective severity and whether the bureau has
 * switched it on. {@code appliesTo} lists category labels ("全部" for every row). {@code basis} cites documents as a
 * reviewer would; {@code evidence} is for developers: the source ids of shared/domain/README.md and the seed lines the
 * rule was drawn from.
 */
public record RuleView(
        String id,
        String title,
        Severity severity,
        boolean enabled,
        String scope,
        List<String> appliesTo,
        String message,
        String why,
        List<String> basis,
        String fix,
        List<RuleExample> badExamples,
        List<RuleExample> goodExamples,
        List<String> evidence) {

    public RuleView {
        appliesTo = List.copyOf(appliesTo);
        basis = List.copyOf(basis);
        evidence = List.copyOf(evidence);
        badExamples = List.copyOf(badExamples);
        goodExamples = List.copyOf(goodExamples);
    }
}
