package cn.zhibiao.proposal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Wires the proposal capability from its two ports; {@link ProposalAdapters} supplies them in the app. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

    /** One per app, so that proposals and the chat share what is known about the provider (its circuit breaker). */
    @Bean
    Provider llmProvider(LlmSettings llmSettings) {
        return Provider.create(llmSettings);
    }

    @Bean
    ProposalService proposalService(ExampleSource examples, RowChecker checker, ProposalSettings settings,
            Provider provider) {
        return ProposalService.create(examples, checker, settings, provider);
    }
}
