package cn.zhibiao.proposal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.RuleChecker;

/** The retrieval service and the rule checker, as the proposal capability's ports. */
@Configuration(proxyBeanMethods = false)
class ProposalAdapters {

    @Bean
    ExampleSource exampleSource(SimilarProjects projects) {
        return new RetrievalExampleSource(projects);
    }

    @Bean
    RowChecker rowChecker(RuleChecker rules) {
        return new RuleRowChecker(rules);
    }
}
