package cn.zhibiao.retrieval;

import java.util.List;

import cn.zhibiao.indicator.Indicator;

/** An indicator row of a past project, with where it comes from and why it was returned. */
public record IndicatorHit(
        Indicator indicator,
        String declarationId,
        String source,
        String projectName,
        String region,
        String department,
        Integer year,
        double score,
        List<String> legs,
        List<MatchedTerm> matchedTerms) {

    public IndicatorHit {
        legs = List.copyOf(legs);
        matchedTerms = List.copyOf(matchedTerms);
    }
}
