package cn.zhibiao.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One checker for the web app, built from {@code zhibiao.rules} (bound by the application's properties scan). */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleChecker ruleChecker(RulesProperties settings) {
        return new RuleChecker(settings);
    }
}
