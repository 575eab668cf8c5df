package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.zhibiao.rules.RuleChecker;

class OfflineLeaveOneOutTest {

    @Test
    void noOfflineProposalForASeedProjectCarriesAnError() throws IOException {
        LeaveOneOut.Report report = LeaveOneOut.run(CorpusExamples.load(), new RuleRowChecker(RuleChecker.defaults()));
        System.out.println(report.table());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/proposal-leave-one-out.txt"), report.table());

        assertThat(report.outcomes()).isNotEmpty();
        assertThat(report.outcomes()).filteredOn(o -> !o.noError())
                .extracting(o -> o.real().projectName()).isEmpty();
    }

    @Test
    void everySeedProjectWithFundsGetsEveryRequiredCategory() {
        LeaveOneOut.Report report = LeaveOneOut.run(CorpusExamples.load(), new RuleRowChecker(RuleChecker.defaults()));

        assertThat(report.outcomes()).filteredOn(o -> o.real().fundsWanYuan() != null && !o.covered())
                .extracting(o -> o.real().projectName()).isEmpty();
    }
}
