package cn.zhibiao.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.zhibiao.corpus.CorpusProperties;
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

    @Bean
    ChatTools chatTools(ProposalService proposals, RuleChecker checker, SimilarProjects projects,
            CorpusProperties corpus) {
        return new EngineTools(proposals, checker, projects, EngineTools.instructions(corpus.dir()));
    }

    /** With a language model configured, it answers, and the offline assistant takes over a turn it fails. */
    @Bean
    Assistant assistant(ChatTools tools, Environment environment, Provider provider, ProposalSettings proposals) {
        return LlmAssistant.orOffline(provider, proposals.promptsDir(), tools,
                ChatSettings.from(environment::getRequiredProperty));
    }
}
