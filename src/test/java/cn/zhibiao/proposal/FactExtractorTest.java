package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Level2;

class FactExtractorTest {

    static ProjectBrief brief(String goal) {
        return new ProjectBrief("测试项目", null, null, 2026, null, null, goal, null, List.of());
    }

    @Test
    void readsCountsWithTheirWordingFromTheGoal() {
        List<Fact> facts = FactExtractor.extract(brief("改造城区老旧小区18个、涉及居民4200户，改造供排水管网9.5公里，加装电梯12部。"));

        assertThat(facts).extracting(Fact::level2, Fact::name, Fact::value).contains(
                tuple(Level2.QUANTITY, "改造城区老旧小区数量", "18个"),
                tuple(Level2.QUANTITY, "涉及居民户数", "4200户"),
                tuple(Level2.QUANTITY, "改造供排水管网长度", "9.5公里"),
                tuple(Level2.QUANTITY, "加装电梯数量", "12部"));
    }

    @Test
    void understandsChineseNumeralsFullWidthDigitsAndTenThousands() {
        List<Fact> facts = FactExtractor.extract(brief("完成五所乡镇卫生院改扩建、维修十二部电梯，救助１８００人，受益群众1.8万人，免疫120万头（只）。"));

        assertThat(facts).extracting(Fact::value).contains("5所", "12部", "1800人", "1.8万人", "120万头");
    }

    @Test
    void readsStandardsAsUnitCosts() {
        assertThat(FactExtractor.extract(brief("为学生提供营养膳食补助，每生每天5元。"))).extracting(Fact::level2, Fact::value)
                .contains(tuple(Level2.COST, "5元/人/天"));
        assertThat(FactExtractor.extract(brief("保障标准每人每月80元。"))).extracting(Fact::value).contains("80元/人/月");
        assertThat(FactExtractor.extract(brief("新建高标准农田3万亩，亩均投入1500元。"))).extracting(Fact::name, Fact::value)
                .contains(tuple("亩均投入标准", "1500元/亩"), tuple("新建高标准农田面积", "3万亩"));
        assertThat(FactExtractor.extract(brief("养护农村公路，每公里每年5000元。"))).extracting(Fact::value)
                .contains("5000元/公里/年");
    }

    @Test
    void readsRatesWithTheirComparatorAndCategory() {
        List<Fact> facts = FactExtractor.extract(brief(
                "培训合格率85%以上，资金发放准确率不低于98%，森林火灾受害率控制在0.9‰以内，居民满意度达到90%。"));

        assertThat(facts).extracting(Fact::level2, Fact::name, Fact::value).contains(
                tuple(Level2.QUALITY, "培训合格率", "≥85%"),
                tuple(Level2.QUALITY, "资金发放准确率", "≥98%"),
                tuple(Level2.ECOLOGICAL_BENEFIT, "森林火灾受害率", "≤0.9‰"),
                tuple(Level2.SATISFACTION, "居民满意度", "≥90%"));
    }

    @Test
    void readsDeadlinesAndAddsTheBudgetYearWhereTheBriefLeavesItOut() {
        List<Fact> facts = FactExtractor.extract(brief(
                "2026年10月31日前完成建设任务；低保金每月15日前发放到户；12月底前足额发放。"));

        assertThat(facts).filteredOn(f -> f.kind() == Fact.Kind.DEADLINE).extracting(Fact::name, Fact::value)
                .containsExactly(tuple("完成建设任务时间", "2026年10月31日前"), tuple("发放到户时间", "每月15日前"),
                        tuple("足额发放时间", "2026年12月底前"));
    }

    @Test
    void turnsTheFundsIntoATotalCostCeiling() {
        ProjectBrief brief = new ProjectBrief("测试项目", null, null, 2026, new BigDecimal("3125.0"), null, null, null,
                List.of());

        assertThat(FactExtractor.extract(brief)).extracting(Fact::kind, Fact::level2, Fact::value)
                .containsExactly(tuple(Fact.Kind.FUNDS, Level2.COST, "≤3125万元"));
    }

    @Test
    void doesNotMistakeAgesOrTimeLimitsForCounts() {
        List<Fact> facts = FactExtractor.extract(brief("为80周岁以上老年人发放津贴，故障24小时内修复，发放一次性创业补贴。"));

        assertThat(facts).filteredOn(f -> f.kind() == Fact.Kind.COUNT).isEmpty();
    }

    @Test
    void readsChineseNumeralsUpToThousands() {
        assertThat(ChineseNumber.parse("三")).isEqualTo(3);
        assertThat(ChineseNumber.parse("十二")).isEqualTo(12);
        assertThat(ChineseNumber.parse("二十六")).isEqualTo(26);
        assertThat(ChineseNumber.parse("一千二百")).isEqualTo(1200);
        assertThat(ChineseNumber.parse("三百八十")).isEqualTo(380);
    }
}
