package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhibiao.rules.RuleChecker;

class ProposalConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LlmSettings.class, ProposalSettings.class})
    static class Ports {

        @Bean
        ExampleSource examples() {
            return CorpusExamples.load();
        }

        @Bean
        RowChecker checker() {
            return new RuleRowChecker(RuleChecker.defaults());
        }
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Ports.class, ProposalConfiguration.class);

    @Test
    void bindsTheModelSettingsAndKeepsTheKeyOutOfToString() {
        context.withPropertyValues("zhibiao.llm.base-url=http://localhost:11434/v1", "zhibiao.llm.model=qwen2.5:7b",
                "zhibiao.llm.api-key=sk-secret-123", "zhibiao.llm.timeout=45s", "zhibiao.llm.max-retries=3",
                "zhibiao.llm.retry-backoff=500ms", "zhibiao.llm.temperature=0.1",
                "zhibiao.proposal.similar-k=3", "zhibiao.proposal.prompts-dir=prompts")
                .run(ctx -> {
                    LlmSettings llm = ctx.getBean(LlmSettings.class);
                    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(llm.maxRetries()).isEqualTo(3);
                    assertThat(llm.toString()).doesNotContain("sk-secret-123").contains("apiKey=(set)");
                    assertThat(ctx).hasSingleBean(ProposalService.class);
                });
    }

    @Test
    void worksOfflineWithoutAnyModelSettings() {
        context.run(ctx -> {
            assertThat(ctx.getBean(LlmSettings.class).configured()).isFalse();
            assertThat(ctx.getBean(LlmSettings.class).timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(ctx.getBean(ProposalService.class).propose(LlmProposalTest.PROJECT).notices())
                    .containsExactly("未配置大模型，使用离线建议");
        });
    }

    @Test
    void usesThePromptsShippedInTheJarWhenThePromptDirectoryIsAbsent() {
        context.withPropertyValues("zhibiao.llm.base-url=http://localhost:11434/v1",
                "zhibiao.proposal.prompts-dir=no-such-dir")
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(ProposalService.class));
    }

    @Test
    void failsAtStartWhenAConfiguredModelHasNoPromptFiles() {
        context.withPropertyValues("zhibiao.llm.base-url=http://localhost:11434/v1",
                "zhibiao.proposal.prompts-dir=src")
                .run(ctx -> assertThat(ctx).getFailure()
                        .hasStackTraceContaining("缺少提示词文件").hasStackTraceContaining("propose-indicators.system.md"));
    }
}
