package cn.zhibiao.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Request bodies decoded by Spring's own JSON mapper get the same number bounds as {@link Json}. */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

    @Bean
    JsonMapperBuilderCustomizer boundedNumbers() {
        return builder -> builder.addModule(BoundedNumbers.module());
    }
}
