package cn.zhibiao.proposal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the proposal capability. It needs an {@link ExampleSource} and a {@link RowChecker} bean: the retrieval
 * service and the rule checker, adapted to these ports.
 */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

    @Bean
    ProposalService proposalService(ExampleSource examples, RowChecker checker, ProposalSettings settings,
            LlmSettings llmSettings) {
        return ProposalService.create(examples, checker, settings, llmSettings);
    }
}
