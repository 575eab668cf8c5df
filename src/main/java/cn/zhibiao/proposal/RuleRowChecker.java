package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleChecker;

/** Proposed rows judged by the rule checker, as the indicators of the project they are proposed for. */
final class RuleRowChecker implements RowChecker {

    private final RuleChecker rules;

    RuleRowChecker(RuleChecker rules) {
        this.rules = rules;
    }

    @Override
    public RowCheck check(ProjectBrief project, List<Indicator> rows) {
        List<List<ProposalFinding>> perRow = new ArrayList<>();
        rows.forEach(r -> perRow.add(new ArrayList<>()));
        List<ProposalFinding> overall = new ArrayList<>();
        for (Finding f : rules.check(project.toDeclaration(rows))) {
            ProposalFinding finding = new ProposalFinding(f.ruleId(),
                    ProposalFinding.Severity.valueOf(f.severity().name()), f.message(), f.suggestion());
            (f.indicatorIndex() == null ? overall : perRow.get(f.indicatorIndex())).add(finding);
        }
        return new RowCheck(perRow, overall);
    }

    @Override
    public String catalogSummary() {
        return rules.catalog().promptSummary();
    }
}
