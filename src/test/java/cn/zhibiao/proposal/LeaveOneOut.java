package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;

/**
 * Leave-one-out over the corpus's real project declarations: each is proposed for from its own brief (name, goals,
 * overview, funds) with the corpus without it, and the proposed names are compared with the names really declared on
 * rows the checker finds neither an error nor a warning in (a reviewer would send the others back) — against a baseline that copies all the
 * indicators of the nearest other project. Run by {@link OfflineLeaveOneOutTest};
 * its table goes to BENCHMARKS.md.
 */
final class LeaveOneOut {

    /** One declaration: its real names, the proposal, and the mean best-match similarity of each real name. */
    record Outcome(Declaration real, List<String> realNames, Proposal proposal, List<String> baselineNames,
            double proposed, double baseline) {
    }

    record Report(List<Outcome> outcomes) {

        double proposed() {
            return outcomes.stream().mapToDouble(Outcome::proposed).average().orElse(0);
        }

        double baseline() {
            return outcomes.stream().mapToDouble(Outcome::baseline).average().orElse(0);
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "declarations %d | mean best-match name similarity: proposer %.3f, "
                    + "baseline (nearest project's indicators) %.3f%n", outcomes.size(), proposed(), baseline()));
            for (Outcome o : outcomes) {
                out.append(String.format(Locale.ROOT, "  %-28s real %2d proposed %2d  proposer %.3f baseline %.3f%n",
                        o.real().projectName(), o.realNames().size(), o.proposal().rows().size(), o.proposed(),
                        o.baseline()));
            }
            return out.toString();
        }
    }

    static Report run(CorpusExamples corpus, RowChecker checker, SectorLibrary library, ProposalSettings settings) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Declaration real : corpus.declarations()) {
            List<String> realNames = names(keepable(real, checker));
            if (realNames.isEmpty()) {
                continue;
            }
            CorpusExamples others = corpus.without(real);
            ProjectBrief brief = ProjectBrief.of(real, false);
            List<SimilarExample> similar = others.similar(brief, settings.similarK());
            Proposal proposal = new OfflineProposer(others, checker, library, settings).propose(brief, similar,
                    List.of());
            List<String> baseline = similar.isEmpty() ? List.of() : names(similar.getFirst().declaration().indicators());
            outcomes.add(new Outcome(real, realNames, proposal, baseline,
                    bestMatch(realNames, proposal.rows().stream().map(ProposedRow::name).toList()),
                    bestMatch(realNames, baseline)));
        }
        return new Report(outcomes);
    }

    /** For each real name, the similarity of the most alike candidate name; averaged. */
    static double bestMatch(List<String> real, List<String> candidates) {
        return real.stream().mapToDouble(r -> candidates.stream().mapToDouble(c -> Wording.similarity(r, c)).max()
                .orElse(0)).average().orElse(0);
    }

    /** The real rows a reviewer would keep: those the checker finds neither an error nor a warning in. */
    private static List<Indicator> keepable(Declaration real, RowChecker checker) {
        List<Indicator> rows = Candidates.annual(real.indicators());
        RowCheck check = checker.check(ProjectBrief.of(real, false), rows);
        return java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> check.row(i).stream().allMatch(f -> f.severity() == ProposalFinding.Severity.INFO)).mapToObj(rows::get).toList();
    }

    private static List<String> names(List<Indicator> rows) {
        return Candidates.annual(rows).stream().map(i -> Measurable.cleanName(i.name())).filter(Objects::nonNull)
                .filter(n -> !n.isBlank()).distinct().toList();
    }
}
