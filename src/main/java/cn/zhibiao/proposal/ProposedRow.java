package cn.zhibiao.proposal;

import java.util.List;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;

/** One proposed indicator with why it is proposed, what it was adapted from, who wrote it and what the checker says. */
public record ProposedRow(
        Level1 level1,
        Level2 level2,
        String name,
        String value,
        String rationale,
        List<String> sources,
        Origin origin,
        List<ProposalFinding> findings) {

    public ProposedRow {
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
    }

    Indicator toIndicator() {
        return Indicator.of(level1.label(), level2.label(), name, value, Scope.ANNUAL);
    }

    /** The same row with another value, and why it was changed added to the rationale. */
    ProposedRow withValue(String newValue, String why) {
        String base = rationale.endsWith("。") ? rationale.substring(0, rationale.length() - 1) : rationale;
        return new ProposedRow(level1, level2, name, newValue, base + "；" + why + "。", sources, origin, findings);
    }

    ProposedRow withFindings(List<ProposalFinding> found) {
        return new ProposedRow(level1, level2, name, value, rationale, sources, origin, found);
    }

    boolean hasError() {
        return findings.stream().anyMatch(ProposalFinding::isError);
    }
}
