package cn.zhibiao.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.retrieval.RetrievalSettings;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.CommandSettings;

/**
 * The offline assistant over the real engine — the shipped corpus indexed once per JVM in a temporary directory, the
 * configured rule checker, the offline proposer — for tests in this and other packages.
 */
public final class TestAssistants {

    private static OfflineAssistant shared;
    private static EngineTools tools;

    private TestAssistants() {
    }

    public static synchronized OfflineAssistant offline() {
        if (shared == null) {
            shared = new OfflineAssistant(tools(), ChatSettings.from(CommandSettings.load()::get));
        }
        return shared;
    }

    /** The engine the offline assistant uses, for an assistant under test to share. */
    public static synchronized EngineTools tools() {
        if (tools == null) {
            tools = newTools();
        }
        return tools;
    }

    private static EngineTools newTools() {
        CommandSettings settings = CommandSettings.load();
        RetrievalSettings yaml = RetrievalSettings.from(settings::get);
        Path index;
        try {
            index = Files.createTempDirectory("chat-index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index.toFile().deleteOnExit();
        SimilarProjects projects = SimilarProjects.open(yaml.withIndexDir(index).withCorpusDir(Path.of("corpus")));
        RuleChecker checker = RuleChecker.fromSettings(settings);
        return new EngineTools(ProposalService.forCommands(settings, projects, checker), checker, projects,
                EngineTools.instructions(Path.of("corpus")));
    }
}
