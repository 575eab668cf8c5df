package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import cn.zhibiao.system.CommandSettings;

class RulesPropertiesTest {

    @Test
    void webAppAndCommandLineReadTheSameSettings() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        RulesProperties bound = new Binder(ConfigurationPropertySources.get(environment))
                .bind("zhibiao.rules", RulesProperties.class).get();
        assertThat(bound).isEqualTo(RulesProperties.from(CommandSettings.load()));
        assertThat(bound.disabled()).isEmpty();
    }
}
