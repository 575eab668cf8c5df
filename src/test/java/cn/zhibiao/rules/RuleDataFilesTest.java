package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import cn.zhibiao.system.CommandSettings;

/** The data files fail loudly, naming file and key; the Spring wiring builds one checker from application.yaml. */
class RuleDataFilesTest {

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> Phrases.load("rules/broken/syntax.yaml"))
                .hasMessageStartingWith("rules/broken/syntax.yaml").hasMessageContaining("line 2");
    }

    @Test
    void aMissingWordListNamesTheFileAndKey() {
        Phrases phrases = Phrases.load("rules/broken/missing-list.yaml");
        assertThatThrownBy(() -> new IndicatorRules(phrases, RulesProperties.from(CommandSettings.load())))
                .hasMessage("rules/broken/missing-list.yaml 缺少词表 lists.not-applicable");
    }

    @Test
    void aBadCatalogValueNamesTheFileRuleAndKey() {
        assertThatThrownBy(() -> CatalogLoader.load("rules/broken/bad-severity.yaml"))
                .hasMessageContaining("rules/broken/bad-severity.yaml").hasMessageContaining("VALUE_VAGUE_COMPLETION")
                .hasMessageContaining("severity").hasMessageContaining("FATAL");
    }

    @Test
    void promptSummaryListsEnabledRulesThatBlockOrReturnADraft() {
        RuleChecker checker = RuleChecker.defaults();
        String summary = checker.catalog().promptSummary();
        assertThat(summary).contains("SATISFACTION_OVER_100 [ERROR]").contains("COST_NOT_MONETARY [ERROR]")
                .doesNotContain("TARGET_IN_NAME");
        assertThat(summary.lines().count()).isEqualTo(checker.catalog().rules().stream()
                .filter(r -> r.enabled() && r.severity() != Severity.INFO).count() + 1);
    }

    @Test
    void springBuildsOneCheckerAndTheControllerFromApplicationYaml() {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Properties.class, RulesConfiguration.class, RulesController.class)
                .withPropertyValues("zhibiao.rules.disabled=COVERAGE_COST", "zhibiao.rules.severity.COST_NOT_MONETARY=WARNING")
                .run(context -> {
                    assertThat(context).hasSingleBean(RuleChecker.class).hasSingleBean(RulesController.class);
                    RuleCatalog catalog = context.getBean(RuleChecker.class).catalog();
                    assertThat(catalog.rule("COVERAGE_COST").orElseThrow().enabled()).isFalse();
                    assertThat(catalog.rule("COST_NOT_MONETARY").orElseThrow().severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RulesProperties.class)
    static class Properties {
    }
}
