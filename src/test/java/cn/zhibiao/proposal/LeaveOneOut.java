package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ValueParser;

/**
 * Leave-one-out over the seed corpus: each past project is proposed for from the corpus without it, and the proposal
 * is compared with what was really declared. Run by {@link OfflineLeaveOneOutTest}; its table goes to BENCHMARKS.md.
 */
final class LeaveOneOut {

    record Outcome(Declaration real, Proposal proposal, boolean noError, boolean covered, Set<Level2> realCategories,
            Set<Level2> matchedCategories, Set<String> realUnits, Set<String> matchedUnits) {
    }

    record Report(List<Outcome> outcomes) {

        double noErrorShare() {
            return share(Outcome::noError);
        }

        double coverageShare() {
            return share(Outcome::covered);
        }

        double categoryRecall() {
            int real = outcomes.stream().mapToInt(o -> o.realCategories().size()).sum();
            int matched = outcomes.stream().mapToInt(o -> o.matchedCategories().size()).sum();
            return real == 0 ? 0 : (double) matched / real;
        }

        double unitRecall() {
            int real = outcomes.stream().mapToInt(o -> o.realUnits().size()).sum();
            int matched = outcomes.stream().mapToInt(o -> o.matchedUnits().size()).sum();
            return real == 0 ? 0 : (double) matched / real;
        }

        private double share(java.util.function.Predicate<Outcome> p) {
            return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(p).count() / outcomes.size();
        }

        /** Share of proposed rows adapted from past projects, from instruction examples, from templates. */
        String provenance() {
            List<ProposedRow> rows = outcomes.stream().flatMap(o -> o.proposal().rows().stream()).toList();
            long precedent = rows.stream().filter(r -> r.rationale().startsWith("参考相似项目")).count();
            long similarRows = rows.stream().filter(r -> r.rationale().contains("参考措辞相近的历史指标")).count();
            long guidance = rows.stream().filter(r -> r.rationale().contains("参考编报说明示例")).count();
            long templates = rows.stream().filter(r -> r.rationale().contains("使用通用模板")).count();
            return String.format(Locale.ROOT, "rows %d: adapted from similar projects %.0f%%, from similar rows of other "
                    + "projects %.0f%%, instruction examples %.0f%%, templates %.0f%%%n", rows.size(),
                    100.0 * precedent / rows.size(), 100.0 * similarRows / rows.size(), 100.0 * guidance / rows.size(),
                    100.0 * templates / rows.size());
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "projects %d | no ERROR %.0f%% | all required categories %.0f%% | "
                    + "real categories matched %.0f%% | real units matched %.0f%%%n", outcomes.size(),
                    100 * noErrorShare(), 100 * coverageShare(), 100 * categoryRecall(), 100 * unitRecall()));
            out.append(provenance());
            for (Outcome o : outcomes) {
                out.append(String.format(Locale.ROOT, "  %-28s rows %2d  error %-3s covered %-3s categories %d/%d units %d/%d%s%n",
                        o.real().projectName(), o.proposal().rows().size(), o.noError() ? "no" : "YES",
                        o.covered() ? "yes" : "no", o.matchedCategories().size(), o.realCategories().size(),
                        o.matchedUnits().size(), o.realUnits().size(),
                        o.proposal().notices().isEmpty() ? "" : "  " + o.proposal().notices()));
            }
            return out.toString();
        }
    }

    static Report run(CorpusExamples corpus, RowChecker checker) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Declaration real : corpus.declarations()) {
            OfflineProposer proposer = new OfflineProposer(corpus.without(real), checker, 5);
            ProjectBrief brief = ProjectBrief.of(real, false);
            Proposal proposal = proposer.propose(brief);
            RowCheck check = checker.check(brief,
                    proposal.rows().stream().map(ProposedRow::toIndicator).toList());
            boolean noError = check.perRow().stream().flatMap(List::stream).noneMatch(ProposalFinding::isError)
                    && check.overall().stream().noneMatch(ProposalFinding::isError);
            Set<Level2> proposed = proposal.rows().stream().map(ProposedRow::level2).collect(Collectors.toSet());
            boolean covered = OfflineProposer.REQUIRED.stream()
                    .allMatch(l -> proposed.stream().anyMatch(p -> OfflineProposer.covers(p, l)));
            Set<Level2> realCategories = real.indicators().stream().map(Indicator::level2).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Set<Level2> matched = new HashSet<>(realCategories);
            matched.retainAll(proposed);
            Set<String> realUnits = units(real.indicators().stream().map(Indicator::value).toList());
            Set<String> matchedUnits = new HashSet<>(realUnits);
            matchedUnits.retainAll(units(proposal.rows().stream().map(ProposedRow::value).toList()));
            outcomes.add(new Outcome(real, proposal, noError, covered, realCategories, matched, realUnits,
                    matchedUnits));
        }
        return new Report(outcomes);
    }

    private static Set<String> units(List<String> values) {
        return values.stream().filter(Objects::nonNull).map(ValueParser::parse).map(p -> p.unit())
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
