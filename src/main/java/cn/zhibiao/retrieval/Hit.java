package cn.zhibiao.retrieval;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;

/**
 * One similar past project with the evidence for it: the fused score, the legs that found it (keyword, bigram,
 * vector), the cosine similarity that cleared the threshold, and the query terms it matched and where.
 */
@JsonPropertyOrder({"declarationId", "source", "projectName", "region", "department", "year", "fundsWanYuan", "score",
        "similarity", "legs", "matchedTerms", "indicators"})
public record Hit(
        @JsonIgnore Declaration declaration,
        double score,
        double similarity,
        List<String> legs,
        List<MatchedTerm> matchedTerms) {

    public Hit {
        legs = List.copyOf(legs);
        matchedTerms = List.copyOf(matchedTerms);
    }

    @JsonProperty
    public String declarationId() {
        return declaration.id();
    }

    @JsonProperty
    public String source() {
        return declaration.source();
    }

    @JsonProperty
    public String projectName() {
        return declaration.projectName();
    }

    @JsonProperty
    public String region() {
        return declaration.region();
    }

    @JsonProperty
    public String department() {
        return declaration.department();
    }

    @JsonProperty
    public Integer year() {
        return declaration.year();
    }

    @JsonProperty
    public BigDecimal fundsWanYuan() {
        return declaration.fundsWanYuan();
    }

    @JsonProperty
    public List<Indicator> indicators() {
        return declaration.indicators();
    }
}
