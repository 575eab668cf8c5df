package cn.zhibiao.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.Severity;

class DraftLogicTest {

    private static Declaration declaration(String name, List<Indicator> rows) {
        return new Declaration("网页草稿", DeclarationKind.PROJECT, null, "民政局", 2024, name, null, null, null, null,
                null, null, null, rows);
    }

    private static Indicator row(String level2, String name, String value) {
        return Indicator.of("产出指标", level2, name, value, Scope.ANNUAL);
    }

    @Test
    void diffNamesChangedAddedAndUnchangedRowsWithTheRulesOnEachSide() {
        Finding vague = new Finding("TIME_NO_DEADLINE", Severity.ERROR, 1, "时效指标", "发放时间", "按计划完成",
                new Finding.Span(0, 5), "…", "…", "…");
        VersionInfo v1 = new VersionInfo(1, "a", OffsetDateTime.now(), declaration("低保金", List.of(
                row("数量指标", "保障人数", "2000人"), row("时效指标", "发放时间", "按计划完成"))), List.of(vague));
        VersionInfo v2 = new VersionInfo(2, "a", OffsetDateTime.now(), declaration("城市低保金", List.of(
                row("数量指标", "保障人数", "2000人"), row("时效指标", "发放时间", "每月10日前"),
                row("质量指标", "发放准确率", "100%"))), List.of());

        DraftDiff diff = DraftDiff.between(v1, v2);

        assertThat(diff.fields()).extracting(DraftDiff.FieldChange::field).containsExactly("projectName");
        assertThat(diff.indicators()).extracting(DraftDiff.RowChange::change).containsExactly(
                DraftDiff.Change.UNCHANGED, DraftDiff.Change.CHANGED, DraftDiff.Change.ADDED);
        assertThat(diff.indicators().get(1).changedFields()).containsExactly("value");
        assertThat(diff.indicators().get(1).rulesBefore()).containsExactly("TIME_NO_DEADLINE");
        assertThat(diff.indicators().get(1).rulesAfter()).isEmpty();
    }

    @Test
    void lastYearsNameMatchesDespiteYearAndPunctuationButAnotherProjectDoesNot() {
        assertThat(PriorYear.nameSimilarity("2024年城乡居民医疗保险区级财政补助资金", "2023年度城乡居民医疗保险区级财政补助资金"))
                .isEqualTo(1.0);
        assertThat(PriorYear.nameSimilarity("城乡居民医疗保险区级财政补助资金", "城乡居民医疗保险财政补助"))
                .isGreaterThan(0.6);
        assertThat(PriorYear.nameSimilarity("城乡居民医疗保险区级财政补助资金", "义务兵家庭优待金")).isLessThan(0.2);
    }

    @Test
    void anOverrideMatchesOnlyItsRuleAndRow() {
        FindingOverride o = new FindingOverride(2, "TIME_NO_DEADLINE", "以省厅文件为准", "zhangsan", null);
        assertThat(o.matches(2, "TIME_NO_DEADLINE")).isTrue();
        assertThat(o.matches(3, "TIME_NO_DEADLINE")).isFalse();
        assertThat(o.matches(2, "QUANTITY_NO_NUMBER")).isFalse();
        assertThat(new FindingOverride(null, "COVERAGE_COST", "无成本", "z", null).matches(null, "COVERAGE_COST")).isTrue();
    }
}
