package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.system.CommandSettings;

class RuleCheckerTest {

    private static final RulesProperties SETTINGS = RulesProperties.from(CommandSettings.load());
    private final RuleChecker checker = new RuleChecker(SETTINGS);

    @Test
    void flagsTheSatisfactionRowsOfUrbanMedicalFundThatRestateThePlan() throws IOException {
        Declaration d = SeedDeclarations.project("城镇居民医疗区级配套资金", 2021);
        List<Finding> findings = checker.check(d);
        int restated = indexOf(d, "指标1：按照洛财预文件要求，预计对我区2021年130000名城乡居民医保参保人员进行财政补贴");
        assertThat(findings).filteredOn(f -> Integer.valueOf(restated).equals(f.indicatorIndex()))
                .extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SATISFACTION_WRONG_INDICATOR", Severity.ERROR));
        for (int i = 0; i < d.indicators().size(); i++) {
            if (d.indicators().get(i).level2() == cn.zhibiao.indicator.Level2.SATISFACTION) {
                assertThat(flagged(findings, i)).as("满意度 row %d", i).isTrue();
            }
        }
    }

    @Test
    void reportsSatisfactionOf1000PercentAsAnError() throws IOException {
        Declaration d = SeedDeclarations.project("招才引智经费", 2021);
        int row = indexOf(d, "指标1：参会嘉宾、企业满意度1000%");
        Finding f = checker.check(d).stream().filter(x -> Integer.valueOf(row).equals(x.indicatorIndex()))
                .findFirst().orElseThrow();
        assertThat(f.ruleId()).isEqualTo("SATISFACTION_OVER_100");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("1000%");
    }

    @Test
    void flagsEveryCompletionClaimOfSoftwareMaintenance() throws IOException {
        Declaration d = SeedDeclarations.project("软件维护费经费", 2020);
        List<Finding> findings = checker.check(d);
        int completionRows = 0;
        for (int i = 0; i < d.indicators().size(); i++) {
            if ("完成".equals(d.indicators().get(i).value())) {
                completionRows++;
                assertThat(flagged(findings, i)).as("row %d %s", i, d.indicators().get(i)).isTrue();
            }
        }
        assertThat(completionRows).isGreaterThanOrEqualTo(14);
    }

    @Test
    void findsNoErrorInTheWellWritten2023MedicalInsuranceDeclaration() throws IOException {
        Declaration d = SeedDeclarations.project("城乡居民医疗保险区级财政补助资金", 2023);
        List<Finding> findings = checker.check(d);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(findings).extracting(Finding::ruleId).contains("VALUE_VAGUE_DEGREE");
    }

    @Test
    void flagsCompletionClaimOnCostLine() {
        Finding f = only(row("成本指标", "学习培训、增加人员、办公设备。", "完成"));
        assertThat(f.ruleId()).isEqualTo("COST_NOT_MONETARY");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("“完成”");
    }

    @Test
    void marksTheOffendingWordsWithASpan() {
        Finding f = only(row("社会效益指标", "村民达到持续增收", "村民收入持续完成"));
        assertThat(f.ruleId()).isEqualTo("VALUE_VAGUE_COMPLETION");
        assertThat(f.value().substring(f.span().start(), f.span().end())).isEqualTo("持续完成");
    }

    @Test
    void reportsOneRootCausePerRow() {
        List<Finding> findings = checker.check(declaration(row("时效指标", "按计划完成", "按计划完成")));
        assertThat(findings).filteredOn(f -> f.indicatorIndex() != null).extracting(Finding::ruleId)
                .containsExactly("TIME_NO_DEADLINE");
        assertThat(findings.get(0).span()).isEqualTo(new Finding.Span(0, 5));
    }

    @Test
    void readsASatisfactionTargetFromTheNameWhenTheValueIsEmpty() {
        List<Finding> ok = checker.check(declaration(row("服务对象满意度指标", "公开招聘人员满意度≥90%", null)));
        assertThat(ok).filteredOn(f -> f.indicatorIndex() != null).extracting(Finding::ruleId)
                .containsExactly("TARGET_IN_NAME");
        List<Finding> low = checker.check(declaration(row("服务对象满意度指标", "群众满意率60%", null)));
        assertThat(low).extracting(Finding::ruleId).contains("SATISFACTION_BELOW_MIN");
    }

    @Test
    void bureauCanSwitchOffRulesChangeSeveritiesAndThresholds() {
        RulesProperties bureau = new RulesProperties(List.of("time_no_deadline"), Map.of("COST_NOT_MONETARY", Severity.WARNING),
                new BigDecimal("95"), SETTINGS.fundsTolerance(), SETTINGS.workDescriptionLength(),
                SETTINGS.restatementOverlap(), SETTINGS.maxRequestSize());
        RuleChecker local = new RuleChecker(bureau);
        assertThat(local.check(declaration(row("时效指标", "发放时间", "按计划完成"))))
                .extracting(Finding::ruleId).doesNotContain("TIME_NO_DEADLINE");
        assertThat(local.check(declaration(row("成本指标", "投入资金", "据实报销"))))
                .filteredOn(f -> f.ruleId().equals("COST_NOT_MONETARY")).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(local.check(declaration(row("服务对象满意度指标", "群众满意度", "≥90%"))))
                .extracting(Finding::ruleId).contains("SATISFACTION_BELOW_MIN");
        assertThat(local.catalog().rule("TIME_NO_DEADLINE").orElseThrow().enabled()).isFalse();
    }

    @Test
    void refusesSettingsThatNameUnknownRules() {
        RulesProperties typo = new RulesProperties(List.of("TIME_NO_DEADLIN"), Map.of(), SETTINGS.satisfactionMinPercent(),
                SETTINGS.fundsTolerance(), SETTINGS.workDescriptionLength(), SETTINGS.restatementOverlap(),
                SETTINGS.maxRequestSize());
        assertThatThrownBy(() -> new RuleChecker(typo)).hasMessageContaining("TIME_NO_DEADLIN");
    }

    @Test
    void warnsWhenQuantityTimesUnitCostIsFarFromTheFundsBeyondTheTolerance() {
        Declaration d = new Declaration("t", DeclarationKind.PROJECT, null, null, 2019, "城乡居民医保补助", null,
                new BigDecimal("620"), null, null, null, null, null,
                List.of(row("数量指标", null, "89744人"), row("成本指标", null, "标准520元/人")));
        Finding f = checker.check(d).stream().filter(x -> x.ruleId().equals("FUNDS_MISMATCH")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.indicatorIndex()).isNull();
        assertThat(f.message()).contains("4666.69万元").contains("620万元");
        RulesProperties lenient = new RulesProperties(List.of(), Map.of(), SETTINGS.satisfactionMinPercent(),
                new BigDecimal("10"), SETTINGS.workDescriptionLength(), SETTINGS.restatementOverlap(), SETTINGS.maxRequestSize());
        assertThat(new RuleChecker(lenient).check(d)).extracting(Finding::ruleId).doesNotContain("FUNDS_MISMATCH");
    }

    @Test
    void checksATenThousandIndicatorDeclaration() {
        List<Indicator> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(i % 2 == 0 ? row("数量指标", "培训人数" + i, (100 + i) + "人") : row("时效指标", "完成时间" + i, "按计划完成"));
        }
        List<Finding> findings = checker.check(declaration(rows.toArray(Indicator[]::new)));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("TIME_NO_DEADLINE")).hasSize(5_000);
        assertThat(findings).filteredOn(f -> f.indicatorIndex() != null && f.indicatorIndex() % 2 == 0).isEmpty();
    }

    private Finding only(Indicator indicator) {
        List<Finding> findings = checker.check(declaration(indicator)).stream()
                .filter(f -> f.indicatorIndex() != null).toList();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    static Indicator row(String level2, String name, String value) {
        return Indicator.of(null, level2, name, value, Scope.ANNUAL);
    }

    static Declaration declaration(Indicator... rows) {
        return new Declaration("test", DeclarationKind.PROJECT, null, null, 2024, "测试项目", null, null, null, null, null,
                null, null, List.of(rows));
    }

    private static boolean flagged(List<Finding> findings, int row) {
        return findings.stream().anyMatch(f -> Integer.valueOf(row).equals(f.indicatorIndex()) && f.severity().isFlag());
    }

    private static int indexOf(Declaration d, String name) {
        for (int i = 0; i < d.indicators().size(); i++) {
            if (name.equals(d.indicators().get(i).name())) {
                return i;
            }
        }
        throw new AssertionError("no row named " + name);
    }
}
