package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.rules.RuleChecker;

class OfflineProposerTest {

    static final Declaration PAST = new Declaration("past.txt", DeclarationKind.PROJECT, "河南省洛阳市高新技术产业开发区",
            "人社局", 2019, "城乡困难群众补充医疗保险", null, new BigDecimal("40"), null, null,
            "对2000名困难群众进行补贴", null, null, List.of(
                    Indicator.of("产出指标", "数量指标", "指标1：补贴困难群众人数", "2000人", Scope.ANNUAL),
                    Indicator.of("产出指标", "时效指标", "补贴资金拨付时间", "2019年12月31日前", Scope.ANNUAL),
                    Indicator.of("产出指标", "时效指标", "补贴发放", "按计划完成", Scope.ANNUAL),
                    Indicator.of("产出指标", "成本指标", "项目总成本", "不超过40万元", Scope.ANNUAL),
                    Indicator.of("产出指标", "质量指标", "困难群众参保率", "≥90%", Scope.ANNUAL),
                    Indicator.of("效益指标", "社会效益指标", "困难群众大病费用报销比例", "≥60%", Scope.ANNUAL),
                    Indicator.of("满意度指标", "服务对象满意度指标", "参保群众满意度", "100%", Scope.ANNUAL)));

    static final ProjectBrief MEDICAL = new ProjectBrief("城乡困难群众大病补充医疗保险", "医保局", "湖南省衡阳市石鼓区", 2024,
            new BigDecimal("60"), "为困难群众参加大病补充医疗保险提供补助", null, null, List.of());

    static final ProjectBrief HOUSING = new ProjectBrief("城区老旧小区改造", "区住房和城乡建设局", "湖南省衡阳市石鼓区", 2026,
            new BigDecimal("8600"), null, "改造城区老旧小区18个、涉及居民4200户，改造供排水管网9.5公里，加装电梯12部，"
                    + "2026年12月底前完成改造任务。", null, List.of());

    final RowChecker checker = new RuleRowChecker(RuleChecker.defaults());
    final SectorLibrary library = TestProposals.library();

    static ExampleSource fixed(List<Declaration> past) {
        return new ExampleSource() {
            @Override
            public List<SimilarExample> similar(ProjectBrief p, int k) {
                return past.stream().map(d -> new SimilarExample(d.id(), d, 0.8)).toList();
            }

            @Override
            public List<GuidanceExample> guidance(Level2 level2) {
                return List.of();
            }
        };
    }

    Proposal propose(ProjectBrief brief, List<Declaration> past) {
        ExampleSource source = fixed(past);
        return new OfflineProposer(source, checker, library, TestProposals.settings(Path.of("prompts")))
                .propose(brief, source.similar(brief, 5), List.of());
    }

    @Test
    void turnsEveryFigureOfTheGoalIntoARowOfItsCategory() {
        Proposal proposal = propose(HOUSING, List.of());

        assertThat(proposal.rows()).filteredOn(r -> r.level2() == Level2.QUANTITY).extracting(ProposedRow::value)
                .contains("18个", "4200户", "9.5公里", "12部");
        assertThat(proposal.rows()).filteredOn(r -> r.level2() == Level2.TIMELINESS).extracting(ProposedRow::value)
                .contains("2026年12月底前");
        assertThat(proposal.rows()).filteredOn(r -> r.level2() == Level2.COST).extracting(ProposedRow::value)
                .contains("≤8600万元");
        assertThat(proposal.rows()).filteredOn(r -> r.value().equals("12部")).first()
                .satisfies(r -> assertThat(r.rationale()).startsWith("来自项目申报内容"));
    }

    @Test
    void neverBorrowsFromAProjectOfAnotherSector() {
        Proposal proposal = propose(HOUSING, List.of(PAST));

        assertThat(proposal.rows()).noneMatch(r -> r.sources().contains(PAST.id()))
                .noneMatch(r -> r.name().contains("参保") || r.name().contains("医保"));
    }

    @Test
    void leavesAPrecedentsNumberOutAndAsksForItInstead() {
        Proposal proposal = propose(MEDICAL, List.of(PAST));

        ProposedRow count = proposal.rows().stream().filter(r -> r.name().equals("补贴困难群众人数")).findFirst()
                .orElseThrow();
        assertThat(count.value()).isEqualTo("【请填写】人");
        assertThat(count.rationale()).startsWith("参考《城乡困难群众补充医疗保险》（洛阳高新区 2019）的同类指标")
                .contains("数值未沿用");
        assertThat(count.findings()).anyMatch(f -> f.ruleId().equals(OfflineProposer.TO_FILL) && f.isError());
        assertThat(proposal.questions()).contains("补贴困难群众人数是多少？");
        assertThat(proposal.rows()).noneMatch(r -> r.value().contains("2000") || r.value().contains("40万元"));
    }

    @Test
    void neverCitesTheProjectItselfAsItsPrecedent() {
        Proposal proposal = propose(ProjectBrief.of(PAST, false), List.of(PAST));

        assertThat(proposal.rows()).noneMatch(r -> r.sources().contains(PAST.id()))
                .noneMatch(r -> r.rationale().contains("《城乡困难群众补充医疗保险》"));
    }

    @Test
    void labelsAGenericTemplateRowAsSuch() {
        ProjectBrief vague = new ProjectBrief("专项工作经费", null, null, 2026, new BigDecimal("20"), null, null, null,
                List.of());

        Proposal proposal = propose(vague, List.of());

        assertThat(proposal.rows()).filteredOn(r -> r.origin() == Origin.TEMPLATE).isNotEmpty()
                .allMatch(r -> r.rationale().startsWith("通用模板，请按项目实际修改"));
    }

    @Test
    void coversEveryRequiredCategoryWithoutSayingOneThingTwice() {
        for (ProjectBrief brief : List.of(HOUSING, MEDICAL)) {
            Proposal proposal = propose(brief, List.of(PAST));

            assertThat(Ranking.REQUIRED).allMatch(l -> proposal.rows().stream()
                    .anyMatch(r -> Ranking.category(r.level2()) == l));
            for (ProposedRow a : proposal.rows()) {
                assertThat(proposal.rows()).filteredOn(b -> b != a && b.level2() == a.level2())
                        .noneMatch(b -> b.name().equals(a.name()));
            }
        }
    }

    @Test
    void rationalesNameTheirSourceInWordsNeverByCode() {
        Proposal proposal = propose(MEDICAL, List.of(PAST));

        assertThat(proposal.rows()).extracting(ProposedRow::rationale)
                .noneMatch(r -> r.contains("[G]") || r.contains("种子材料") || r.matches(".*[0-9a-f]{12}.*"));
    }
}
