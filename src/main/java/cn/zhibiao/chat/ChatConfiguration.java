package cn.zhibiao.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.zhibiao.corpus.CorpusProperties;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.RuleChecker;

/**
 * The web app's chat: the engine tools over the app's own proposal service, checker and index, and the offline
 * assistant, for the draft-backed conversation endpoint to use.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    ChatTools chatTools(ProposalService proposals, RuleChecker checker, SimilarProjects projects,
            CorpusProperties corpus) {
        return new EngineTools(proposals, checker, projects, EngineTools.instructions(corpus.dir()));
    }

    @Bean
    Assistant offlineAssistant(ChatTools tools, Environment environment) {
        return new OfflineAssistant(tools, ChatSettings.from(environment::getRequiredProperty));
    }
}
