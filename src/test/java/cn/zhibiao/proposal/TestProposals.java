package cn.zhibiao.proposal;

import java.nio.file.Path;

import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.CommandSettings;

/** Offline proposals over the corpus files with the real rule checker, for tests outside this package. */
public final class TestProposals {

    private TestProposals() {
    }

    public static ProposalService offline() {
        return offline(CorpusExamples.load());
    }

    static ProposalService offline(ExampleSource examples) {
        return ProposalService.create(examples, new RuleRowChecker(RuleChecker.defaults()),
                settings(Path.of("prompts")), new LlmSettings("", "deepseek-chat", "", null, 0, null, 0.2));
    }

    /**
     * application.yaml's proposal settings, except that a precedent need only clear the threshold of the
     * {@link CorpusExamples} fixture, whose scores are shares of shared characters rather than cosines.
     */
    static ProposalSettings settings(Path prompts) {
        ProposalSettings yaml = ProposalSettings.from(CommandSettings.load());
        return new ProposalSettings(yaml.similarK(), prompts, CorpusExamples.MIN_SCORE, yaml.duplicateNameSimilarity(),
                yaml.rowsPerCategory(), yaml.sector());
    }

    static SectorLibrary library() {
        return SectorLibrary.load(new RuleRowChecker(RuleChecker.defaults()), settings(Path.of("prompts")).sector());
    }
}
