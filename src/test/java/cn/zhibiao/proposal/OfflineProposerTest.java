package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.proposal.ProposalFinding.Severity;
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
                    Indicator.of("效益指标", "社会效益指标", "群众负担", "明显减轻", Scope.ANNUAL),
                    Indicator.of("满意度指标", "服务对象满意度指标", "参保群众满意度", "100%", Scope.ANNUAL)));

    /** A 2019 专项资金 form: rows without names, the value says it all. */
    static final Declaration NAMELESS = new Declaration("p.txt", DeclarationKind.PROJECT, "湖南省株洲市石峰区", "人社局",
            2019, "城乡居民医保补助", null, new BigDecimal("620"), null, null, null, null, null, List.of(
                    Indicator.of("产出指标", "数量指标", null, "89744人", Scope.ANNUAL),
                    Indicator.of("产出指标", "成本指标", null, "标准520元/人", Scope.ANNUAL)));

    static ProjectBrief project(String overview, String goal, String funds) {
        return new ProjectBrief("城乡困难群众大病补充医疗保险", "医保局", "湖南省衡阳市石鼓区", 2024,
                funds == null ? null : new BigDecimal(funds), overview, goal, null, List.of());
    }

    static ExampleSource fixed(List<Declaration> past, List<GuidanceExample> guidance) {
        return new ExampleSource() {
            @Override
            public List<SimilarExample> similar(ProjectBrief p, int k) {
                return past.stream().map(d -> new SimilarExample(d.id(), d, 0.8)).toList();
            }

            @Override
            public List<SimilarRow> similarRows(ProjectBrief p, Level2 level2, int k) {
                return List.of();
            }

            @Override
            public List<GuidanceExample> guidance(Level2 level2) {
                return guidance.stream().filter(g -> g.level2() == level2).toList();
            }
        };
    }

    @Test
    void usesARowWordedLikeTheProjectFromAnotherProjectBeforeTemplates() {
        SimilarRow other = new SimilarRow("a1b2c3d4e5f6", "困难群众医疗救助", "河南省洛阳市高新技术产业开发区", 2021,
                Indicator.of("效益指标", "社会效益指标", "困难群众大病费用个人负担下降比例", "≥10%", Scope.ANNUAL), 3);
        ExampleSource source = new ExampleSource() {
            @Override
            public List<SimilarExample> similar(ProjectBrief p, int k) {
                return List.of();
            }

            @Override
            public List<SimilarRow> similarRows(ProjectBrief p, Level2 level2, int k) {
                return level2 == Level2.SOCIAL_BENEFIT ? List.of(other) : List.of();
            }

            @Override
            public List<GuidanceExample> guidance(Level2 level2) {
                return List.of();
            }
        };

        ProposedRow benefit = only(propose(source, project("困难群众大病补充医疗保险补贴", null, "50")),
                Level2.SOCIAL_BENEFIT);

        assertThat(benefit.value()).isEqualTo("≥10%");
        assertThat(benefit.rationale()).startsWith("未找到相似项目，参考措辞相近的历史指标：《困难群众医疗救助》");
        assertThat(benefit.sources()).containsExactly("a1b2c3d4e5f6");
    }

    static Proposal propose(ExampleSource examples, ProjectBrief project) {
        return new OfflineProposer(examples, new RuleRowChecker(RuleChecker.defaults()), 5).propose(project);
    }

    static ProposedRow only(Proposal p, Level2 level2) {
        return p.rows().stream().filter(r -> r.level2() == level2).findFirst().orElseThrow();
    }

    @Test
    void movesAPastDeadlineToTheProjectsYearAndCitesThePastProject() {
        Proposal p = propose(fixed(List.of(PAST), List.of()), project("补充医疗保险补贴", null, "50"));

        ProposedRow time = only(p, Level2.TIMELINESS);
        assertThat(time.value()).isEqualTo("2024年12月31日前");
        assertThat(time.rationale()).contains("《城乡困难群众补充医疗保险》", "年份由2019年改为2024年");
        assertThat(time.sources()).containsExactly(PAST.id());
        assertThat(time.origin()).isEqualTo(Origin.OFFLINE);
    }

    @Test
    void capsTheTotalCostAtTheProjectsFunds() {
        Proposal p = propose(fixed(List.of(PAST), List.of()), project("补充医疗保险补贴", null, "55.5"));

        ProposedRow cost = only(p, Level2.COST);
        assertThat(cost.value()).isEqualTo("≤55.5万元");
        assertThat(cost.rationale()).contains("上限取本项目资金55.5万元");
    }

    @Test
    void takesCountsAndUnitCostsFromTheProjectsOwnText() {
        Proposal p = propose(fixed(List.of(PAST), List.of()),
                project("对3500名困难群众参加大病补充医疗保险给予补贴，每人每年200元", null, "70"));

        assertThat(only(p, Level2.QUANTITY).value()).isEqualTo("3500人");
        assertThat(only(p, Level2.QUANTITY).rationale()).contains("数量取自本项目材料“3500名”");
        assertThat(only(p, Level2.QUANTITY).name()).isEqualTo("补贴困难群众人数");
    }

    @Test
    void derivesTheUnitCostFromTheFundsAndTheStatedHeadCount() {
        Proposal p = propose(fixed(List.of(NAMELESS), List.of()),
                project("对3500名困难群众参加大病补充医疗保险给予补贴", null, "70"));

        assertThat(only(p, Level2.QUANTITY).value()).isEqualTo("3500人");
        assertThat(only(p, Level2.COST).value()).isEqualTo("≤200元/人");
        assertThat(only(p, Level2.COST).rationale()).contains("“标准520元/人”", "按本项目资金÷受益对象数（3500人）测算");
    }

    @Test
    void recomputesACopiedUnitCostSoThatQuantityTimesCostMatchesTheFunds() {
        Proposal p = propose(fixed(List.of(NAMELESS), List.of()), project("大病补充医疗保险补贴", null, "620"));

        assertThat(only(p, Level2.QUANTITY).value()).isEqualTo("89744人");
        assertThat(only(p, Level2.COST).value()).isEqualTo("≤69.09元/人");
        assertThat(only(p, Level2.COST).rationale()).contains("按本项目资金÷数量（89744人）调整为≤69.09元/人");
    }

    @Test
    void takesATargetRateFromTheProjectsGoal() {
        Proposal p = propose(fixed(List.of(PAST), List.of()),
                project("补充医疗保险补贴", "困难群众参保率达到98%以上", "50"));

        assertThat(only(p, Level2.QUALITY).value()).isEqualTo("≥98%");
    }

    @Test
    void neverCopiesAPastRowTheCheckerRejectsOrThatCannotBeMeasured() {
        Proposal p = propose(fixed(List.of(PAST), List.of()), project("补充医疗保险补贴", null, "50"));

        assertThat(p.rows()).extracting(ProposedRow::value).doesNotContain("按计划完成", "明显减轻");
        assertThat(only(p, Level2.SOCIAL_BENEFIT).value()).isEqualTo("≥60%");
    }

    @Test
    void turnsAHundredPercentSatisfactionIntoAnAttainableTarget() {
        Proposal p = propose(fixed(List.of(PAST), List.of()), project("补充医疗保险补贴", null, "50"));

        assertThat(only(p, Level2.SATISFACTION).value()).isEqualTo("≥95%");
        assertThat(only(p, Level2.SATISFACTION).rationale()).contains("原值100%");
    }

    @Test
    void fallsBackToInstructionExamplesAndSaysSo() {
        ProjectBrief preschool = new ProjectBrief("学前教育发展资金", "教育局", "湖南省株洲市石峰区", 2024,
                new BigDecimal("300"), "支持普惠性幼儿园，扩大学前教育资源", null, null, List.of());

        Proposal p = propose(CorpusExamples.load().guidanceOnly(), preschool);

        ProposedRow quantity = only(p, Level2.QUANTITY);
        assertThat(quantity.rationale()).startsWith("未找到相似项目，参考编报说明示例");
        assertThat(quantity.sources()).singleElement().asString().contains("#ex");
    }

    @Test
    void fallsBackToTemplatesWhenNothingRelevantExists() {
        Proposal p = propose(CorpusExamples.empty(), project("对3500名困难群众给予补贴", null, "70"));

        assertThat(OfflineProposer.REQUIRED).allMatch(l -> p.rows().stream().anyMatch(r -> r.level2() == l));
        assertThat(p.rows()).allMatch(r -> r.rationale().contains("使用通用模板")).allMatch(r -> r.sources().isEmpty());
        assertThat(p.rows()).extracting(ProposedRow::value).contains("3500人", "2024年12月31日前", "≤200元/人");
    }

    @Test
    void emitsNothingTheCheckerCallsAnError() {
        RowChecker noPercentages = new RowChecker() {
            @Override
            public RowCheck check(ProjectBrief project, List<Indicator> rows) {
                List<List<ProposalFinding>> out = new ArrayList<>();
                for (Indicator row : rows) {
                    out.add(row.value() != null && row.value().contains("%")
                            ? List.of(new ProposalFinding("NO_PERCENT", Severity.ERROR, "不许百分比", "改"))
                            : List.of());
                }
                return new RowCheck(out, List.of());
            }

            @Override
            public String catalogSummary() {
                return "";
            }
        };

        Proposal p = new OfflineProposer(CorpusExamples.load(), noPercentages, 5)
                .propose(project("对3500名困难群众参加大病补充医疗保险给予补贴", null, "70"));

        assertThat(p.rows()).isNotEmpty().noneMatch(r -> r.value().contains("%"));
        assertThat(p.notices()).anyMatch(n -> n.startsWith("未能生成“服务对象满意度指标”"));
    }

    @Test
    void explainsWhyThereIsNoCostIndicatorWithoutFunds() {
        Proposal p = propose(CorpusExamples.empty(), project("补充医疗保险补贴", null, null));

        assertThat(p.rows()).noneMatch(r -> r.level2() == Level2.COST);
        assertThat(p.notices()).contains("未能生成“成本指标”：未提供项目资金，无法设定成本上限，请补充资金后重试。");
    }
}
