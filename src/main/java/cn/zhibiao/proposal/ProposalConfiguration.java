package cn.zhibiao.proposal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Wires the proposal capability from its two ports; {@link ProposalAdapters} supplies them in the app. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

    @Bean
    ProposalService proposalService(ExampleSource examples, RowChecker checker, ProposalSettings settings,
            LlmSettings llmSettings) {
        return ProposalService.create(examples, checker, settings, llmSettings);
    }
}
