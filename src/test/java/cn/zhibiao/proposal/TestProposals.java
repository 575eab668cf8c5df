package cn.zhibiao.proposal;

import java.nio.file.Path;

import cn.zhibiao.rules.RuleChecker;

/** Offline proposals over the corpus files with the real rule checker, for tests outside this package. */
public final class TestProposals {

    private TestProposals() {
    }

    public static ProposalService offline() {
        return ProposalService.create(CorpusExamples.load(), new RuleRowChecker(RuleChecker.defaults()),
                new ProposalSettings(5, Path.of("prompts")),
                new LlmSettings("", "deepseek-chat", "", null, 0, null, 0.2));
    }
}
