package cn.zhibiao.bulk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.proposal.Proposal;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.rules.Severity;

/**
 * What the job does to one declaration: the rule check, and — when a row is flagged — one proposal for the project
 * (its sound rows kept), from which each flagged row gets a replacement of the same 二级指标 (else the same 一级).
 * Declarations without a flagged row cost no proposal.
 */
final class Review {

    private final RuleChecker checker;
    private final ProposalService proposals;
    private final LlmThrottle throttle;

    Review(RuleChecker checker, ProposalService proposals, LlmThrottle throttle) {
        this.checker = checker;
        this.proposals = proposals;
        this.throttle = throttle;
    }

    DeclarationReport review(String file, int index, Declaration declaration, boolean improve) {
        Declaration d = declaration.withParsedValues();
        List<Finding> findings = checker.check(d);
        List<List<Finding>> byRow = new ArrayList<>();
        d.indicators().forEach(i -> byRow.add(new ArrayList<>()));
        List<Finding> whole = new ArrayList<>();
        for (Finding f : findings) {
            Integer at = f.indicatorIndex();
            if (at != null && at >= 0 && at < byRow.size()) {
                byRow.get(at).add(f);
            } else {
                whole.add(f);
            }
        }
        boolean anyFlag = byRow.stream().flatMap(List::stream).anyMatch(f -> f.severity().isFlag());
        List<ProposedRow> offered = List.of();
        List<String> notices = List.of();
        if (anyFlag && d.kind() != DeclarationKind.DEPARTMENT) {
            Proposal proposal = throttle.call(() -> proposals.propose(ProjectBrief.of(d, true)));
            offered = newRows(proposal.rows(), d.indicators());
            notices = proposal.notices();
        }
        List<DeclarationReport.Row> rows = new ArrayList<>();
        Set<ProposedRow> used = new HashSet<>();
        for (int i = 0; i < d.indicators().size(); i++) {
            Indicator indicator = d.indicators().get(i);
            List<Finding> own = byRow.get(i);
            boolean flagged = own.stream().anyMatch(f -> f.severity().isFlag());
            DeclarationReport.Replacement replacement = flagged ? replacement(indicator, offered, used) : null;
            rows.add(new DeclarationReport.Row(
                    indicator.level1() != null ? indicator.level1().label() : indicator.level1Raw(),
                    indicator.level2() != null ? indicator.level2().label() : indicator.level2Raw(),
                    indicator.name(), indicator.value(),
                    own.stream().noneMatch(f -> f.severity() == Severity.ERROR), own, replacement));
        }
        return new DeclarationReport(file, index, d.department(), d.projectName(), d.year(), rows, whole, notices,
                improve ? improved(d, rows) : null);
    }

    /** The proposal's rows that are not already rows of the declaration (those are the sound rows it kept). */
    private static List<ProposedRow> newRows(List<ProposedRow> proposed, List<Indicator> existing) {
        return proposed.stream()
                .filter(p -> existing.stream().noneMatch(e -> Objects.equals(e.name(), p.name())
                        && Objects.equals(e.value(), p.value())))
                .toList();
    }

    /** Each proposed row replaces at most one flagged row, of the same 二级指标 if there is one, else the same 一级. */
    private static DeclarationReport.Replacement replacement(Indicator row, List<ProposedRow> offered,
            Set<ProposedRow> used) {
        ProposedRow pick = offered.stream().filter(p -> !used.contains(p))
                .filter(p -> row.level2() != null && p.level2() == row.level2()).findFirst()
                .or(() -> offered.stream().filter(p -> !used.contains(p))
                        .filter(p -> row.level1() != null && p.level1() == row.level1()).findFirst())
                .orElse(null);
        if (pick == null) {
            return null;
        }
        used.add(pick);
        return new DeclarationReport.Replacement(pick.name(), pick.value(), pick.rationale(), pick.sources(),
                pick.origin().name());
    }

    /** The declaration with every flagged row that has a replacement rewritten to it, in place. */
    private static Declaration improved(Declaration d, List<DeclarationReport.Row> rows) {
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Indicator original = d.indicators().get(i);
            DeclarationReport.Replacement r = rows.get(i).replacement();
            indicators.add(r == null ? original : Indicator.of(original.level1Raw(), original.level2Raw(), r.name(),
                    r.value(), original.scope()));
        }
        return d.withIndicators(indicators);
    }
}
