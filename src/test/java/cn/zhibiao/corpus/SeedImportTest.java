package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Comparator;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.ValueKind;

class SeedImportTest {

    @Test
    void readsTheSixZhuzhouHumanResourcesProjectsWithTheirAmounts() {
        assertThat(Seeds.projects("000")).extracting(Declaration::projectName, d -> d.fundsWanYuan().toPlainString())
                .containsExactly(
                        tuple("城乡居民医保补助", "620"),
                        tuple("离休干部医药费统筹金", "20"),
                        tuple("已关闭破产企业退休人员医药费", "25"),
                        tuple("老工伤人员医药费", "15"),
                        tuple("城乡居民医保再次补偿", "470"),
                        tuple("网格化劳务派遣人员经费", "1260"));
    }

    @Test
    void readsTheSixPartyOfficeProjectsWithTheirAmounts() {
        assertThat(Seeds.projects("001")).extracting(Declaration::projectName, d -> d.fundsWanYuan().toPlainString())
                .containsExactly(
                        tuple("深改小康经费", "8"),
                        tuple("党史编撰经费", "20"),
                        tuple("机要保密经费", "7"),
                        tuple("区委会议经费", "30"),
                        tuple("考核工作经费", "10"),
                        tuple("调研督查经费", "25"));
    }

    @Test
    void readsTheEightCivilAffairsProjectsEvenWhereRowsAreBrokenByPadding() {
        assertThat(Seeds.projects("002")).extracting(Declaration::projectName, d -> d.fundsWanYuan().toPlainString())
                .containsExactly(
                        tuple("残疾人两项补贴", "90"),
                        tuple("城市低保金", "60"),
                        tuple("农村低保金", "60"),
                        tuple("高龄老人补贴等惠民扩面提标资金", "240"),
                        tuple("区划地名工作经费", "2"),
                        tuple("惠民资金", "360"),
                        tuple("居家和社区养老改革试点配套资金", "150"),
                        tuple("城乡医疗救助", "30"));
        Declaration lowIncome = project("002", "城市低保金");
        assertThat(lowIncome.indicators()).extracting(Indicator::level2, Indicator::value)
                .contains(tuple(Level2.QUANTITY, "3500人"), tuple(Level2.TIMELINESS, "按月发放，2019年底前完成"),
                        tuple(Level2.SATISFACTION, "100%"));
    }

    @Test
    void readsTheFourHengyangProjectFormsWithTheirAmounts() {
        assertThat(Seeds.projects("003")).extracting(Declaration::projectName, d -> d.fundsWanYuan().toPlainString())
                .containsExactly(
                        tuple("城乡居民医疗保险区级财政补助资金", "565.81"),
                        tuple("城乡医疗救助资金", "189.97"),
                        tuple("财政对城乡居民养老保险的补助", "153.12"),
                        tuple("义务兵家庭优待金", "200"));
    }

    @Test
    void readsTheTwentyThreeLuoyangReviewForms() {
        List<Declaration> projects = Seeds.projects("004");
        assertThat(projects).hasSize(23);
        assertThat(projects).extracting(Declaration::projectName).startsWith("档案管理经费", "城镇居民医疗区级配套资金")
                .contains("招才引智经费", "软件维护费经费", "办公补助经费").endsWith("专场招聘会工作经费");
        Declaration archives = projects.getFirst();
        assertThat(archives.fundsWanYuan()).isEqualByComparingTo("6");
        assertThat(archives.periodFundsWanYuan()).isEqualByComparingTo("18");
    }

    @Test
    void countsFortySevenProjectsAcrossTheFiveSeeds() {
        assertThat(List.of("000", "001", "002", "003", "004")).extracting(p -> Seeds.projects(p).size())
                .containsExactly(6, 6, 8, 4, 23);
    }

    @Test
    void readsQuantityAndCostColumnsOfTheMedicalInsuranceSubsidy() {
        Declaration subsidy = project("000", "城乡居民医保补助");
        assertThat(subsidy.indicators()).extracting(Indicator::level1, Indicator::level2, Indicator::name,
                Indicator::value).contains(
                        tuple(Level1.OUTPUT, Level2.QUANTITY, null, "89744人"),
                        tuple(Level1.OUTPUT, Level2.COST, null, "标准520元/人"));
        assertThat(subsidy.region()).isEqualTo("湖南省株洲市石峰区");
        assertThat(subsidy.department()).isEqualTo("株洲市石峰区人力资源和社会保障局");
        assertThat(subsidy.year()).isEqualTo(2019);
        assertThat(subsidy.direction()).isEqualTo("用于城乡居民医保");
    }

    @Test
    void mapsPublicWelfareSatisfactionColumnToServiceSatisfaction() {
        Indicator satisfaction = project("000", "城乡居民医保补助").indicators().getLast();
        assertThat(satisfaction.level1()).isEqualTo(Level1.SATISFACTION);
        assertThat(satisfaction.level2()).isEqualTo(Level2.SATISFACTION);
        assertThat(satisfaction.level2Raw()).isEqualTo("社会公益或服务对象满意度指标");
    }

    @Test
    void readsTheHengyangMedicalInsuranceFormWithParsedQuality() {
        Declaration insurance = project("003", "城乡居民医疗保险区级财政补助资金");
        assertThat(insurance.region()).isEqualTo("湖南省衡阳市石鼓区");
        assertThat(insurance.department()).isEqualTo("石鼓区医疗保障局");
        assertThat(insurance.year()).isEqualTo(2023);
        assertThat(insurance.basis()).startsWith("根据湘医保发〔2022〕41号");
        Indicator quality = insurance.indicators().stream().filter(i -> i.level2() == Level2.QUALITY).findFirst()
                .orElseThrow();
        assertThat(quality.name()).isEqualTo("基本医疗保险的参保率达应参保人数的比例");
        assertThat(quality.value()).isEqualTo("≥95%");
        assertThat(quality.parsed().comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(quality.parsed().number()).isEqualByComparingTo("95");
        assertThat(quality.parsed().unit()).isEqualTo("%");
        assertThat(insurance.indicators()).extracting(Indicator::name).contains("制定《石鼓区2023年度城乡居民基本医疗保险参保缴费工作方案》");
    }

    @Test
    void joinsEffectRowsThatABlankLineSplitInTwo() {
        Indicator effect = project("003", "城乡医疗救助资金").indicators().stream()
                .filter(i -> i.level2() == Level2.SOCIAL_BENEFIT).findFirst().orElseThrow();
        assertThat(effect.level1()).isEqualTo(Level1.BENEFIT);
        assertThat(effect.name()).isEqualTo("切实减轻困难群众看病就医负担");
        assertThat(effect.value()).isEqualTo("明显减轻");
    }

    @Test
    void splitsLuoyangTablesIntoPeriodAndAnnualIndicators() {
        Declaration medical = project("004", "城镇居民医疗区级配套资金");
        assertThat(medical.fundsWanYuan()).isEqualByComparingTo("936");
        assertThat(medical.periodFundsWanYuan()).isEqualByComparingTo("3042");
        List<Indicator> cost = medical.indicators().stream().filter(i -> i.level2() == Level2.COST).toList();
        assertThat(cost).extracting(Indicator::scope, Indicator::value, i -> i.parsed().comparator(),
                i -> i.parsed().number().toPlainString(), i -> i.parsed().unit())
                .containsExactly(
                        tuple(Scope.PERIOD, "不超过3042万元", Comparator.AT_MOST, "3042", "万元"),
                        tuple(Scope.ANNUAL, "不超过936万元", Comparator.AT_MOST, "936", "万元"));
    }

    @Test
    void keepsSatisfactionRowsWhoseOnlyTextIsTheirName() {
        List<Indicator> satisfaction = project("004", "招才引智经费").indicators().stream()
                .filter(i -> i.level2() == Level2.SATISFACTION).toList();
        assertThat(satisfaction).extracting(Indicator::name, Indicator::value)
                .containsOnly(tuple("指标1：参会嘉宾、企业满意度1000%", null));
        assertThat(satisfaction).extracting(Indicator::scope).containsExactly(Scope.PERIOD, Scope.ANNUAL);
    }

    @Test
    void readsTheStaircaseFormWhereCategoryCellsSlidRight() {
        Declaration aid = project("004", "医疗救助区级补助资金");
        assertThat(aid.indicators()).extracting(Indicator::level2, Indicator::scope, Indicator::value)
                .contains(tuple(Level2.TIMELINESS, Scope.PERIOD, "按年度工作计划，在规定时间内完成"),
                        tuple(Level2.COST, Scope.PERIOD, "不超过714万元"));
    }

    @Test
    void readsDepartmentWideFormsAsDepartmentDeclarations() {
        List<Declaration> departments = Seeds.read("001").declarations().stream()
                .filter(d -> d.kind() == DeclarationKind.DEPARTMENT).toList();
        assertThat(departments).singleElement().satisfies(d -> {
            assertThat(d.department()).isEqualTo("区委办本级");
            assertThat(d.fundsWanYuan()).isEqualByComparingTo("336.07");
            assertThat(d.indicators()).extracting(Indicator::name, Indicator::value)
                    .contains(tuple("部门重点支出占部门整体支出的比例", "30%"), tuple("三公经费增减率", "-10%"));
        });
    }

    @Test
    void leavesTheFillingInstructionExamplesOutOfTheDeclarations() {
        assertThat(Seeds.read("000").declarations()).flatExtracting(Declaration::indicators)
                .extracting(Indicator::name).doesNotContain("全国学前三年毛入园率", "新增幼儿园数量");
    }

    @Test
    void reportsCellsItCouldNotPlaceWithTheirLine() {
        assertThat(Seeds.read("004").warnings())
                .anySatisfy(w -> {
                    assertThat(w.line()).isPositive();
                    assertThat(w.message()).contains("多余的单元格");
                });
    }

    @Test
    void readsDeadlinesOfTimelinessColumns() {
        Indicator timeliness = project("000", "城乡居民医保补助").indicators().stream()
                .filter(i -> i.level2() == Level2.TIMELINESS).findFirst().orElseThrow();
        assertThat(timeliness.parsed().kind()).isEqualTo(ValueKind.DATE);
        assertThat(timeliness.parsed().deadline()).isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @Test
    void neverInventsAnIndicatorWithNeitherNameNorValue() {
        for (var file : List.of("000", "001", "002", "003", "004")) {
            assertThat(Seeds.read(file).declarations()).flatExtracting(Declaration::indicators)
                    .allSatisfy(i -> assertThat(i.name() != null || i.value() != null).isTrue());
        }
    }

    private static Declaration project(String file, String name) {
        return Seeds.projects(file).stream().filter(d -> d.projectName().equals(name)).findFirst().orElseThrow();
    }

}
