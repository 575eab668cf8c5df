package cn.zhibiao.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.zhibiao.corpus.CorpusProperties;
import cn.zhibiao.proposal.Prompts;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.proposal.ProposalSettings;
import cn.zhibiao.proposal.Provider;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.RuleChecker;

/**
 * The web app's chat: the engine tools over the app's own proposal service, checker and index, and one assistant for
 * the draft-backed conversation endpoint to use — the language model's when {@code zhibiao.llm.base-url} is set
 * (sharing the proposals' provider and its circuit breaker), the offline one otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ChatConfiguration.class);

    @Bean
    ChatTools chatTools(ProposalService proposals, RuleChecker checker, SimilarProjects projects,
            CorpusProperties corpus) {
        return new EngineTools(proposals, checker, projects, EngineTools.instructions(corpus.dir()));
    }

    /** With a language model configured, it answers, and the offline assistant takes over a turn it fails. */
    @Bean
    Assistant assistant(ChatTools tools, Environment environment, Provider provider, ProposalSettings proposals) {
        ChatSettings settings = ChatSettings.from(environment::getRequiredProperty);
        OfflineAssistant offline = new OfflineAssistant(tools, settings);
        if (!provider.settings().configured()) {
            LOG.info("未配置大模型（zhibiao.llm.base-url），对话由离线助手回答");
            return offline;
        }
        LOG.info("对话使用大模型 {}", provider.settings().model());
        return new LlmAssistant(provider, Prompts.load(proposals.promptsDir()), tools, settings, offline);
    }
}
