package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.rules.RuleChecker;

class OfflineLeaveOneOutTest {

    final RowChecker checker = new RuleRowChecker(RuleChecker.defaults());
    final LeaveOneOut.Report report = LeaveOneOut.run(CorpusExamples.load(), checker, TestProposals.library(),
            TestProposals.settings(Path.of("prompts")));

    @Test
    void proposedNamesAreCloserToTheRealOnesThanCopyingTheNearestProject() throws IOException {
        System.out.println(report.table());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/proposal-leave-one-out.txt"), report.table());

        assertThat(report.outcomes()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(report.proposed()).isGreaterThan(report.baseline());
    }

    @Test
    void noProposedRowCarriesANumberTheBriefDoesNotState() {
        for (LeaveOneOut.Outcome o : report.outcomes()) {
            NumberSupport support = new NumberSupport(new ModelContext(o.proposal().project(),
                    FactExtractor.extract(o.proposal().project()), new SectorGuess("", 0), List.of(), List.of(),
                    List.of()));
            assertThat(o.proposal().rows()).as(o.real().projectName()).allMatch(support::supported);
        }
    }

    @Test
    void everyRowPassesTheCheckerOrWaitsForTheUsersNumber() {
        for (LeaveOneOut.Outcome o : report.outcomes()) {
            assertThat(o.proposal().rows()).as(o.real().projectName())
                    .allMatch(r -> r.findings().stream().filter(ProposalFinding::isError)
                            .allMatch(f -> f.ruleId().equals(OfflineProposer.TO_FILL))
                            || r.rationale().startsWith(Candidates.FROM_BRIEF));
        }
    }
}
