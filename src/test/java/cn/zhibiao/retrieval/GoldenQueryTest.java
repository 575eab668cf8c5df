package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;

/** Known queries over the seed corpus and the instruction fixture, and the hits a user must (not) see. */
class GoldenQueryTest {

    @TempDir
    static Path dir;
    static SimilarProjects projects;

    @BeforeAll
    static void open() {
        projects = SimilarProjects.open(TestIndexes.settings(dir));
    }

    @AfterAll
    static void close() throws Exception {
        projects.close();
    }

    @Test
    void districtMedicalInsuranceSubsidyFindsTheOtherRegionsMedicalInsuranceProjects() {
        SimilarResult result = projects.search(new ProjectQuery("城乡居民医保区级财政补助", null, "某区医疗保障局",
                "湖南省长沙市岳麓区", 2024, new BigDecimal("300")), 5);

        assertThat(result.belowThreshold()).isFalse();
        assertThat(result.hits()).extracting(Hit::projectName)
                .contains("城乡居民医保补助", "城乡居民医疗保险区级财政补助资金", "城镇居民医疗区级配套资金");
        assertThat(result.hits()).extracting(Hit::region)
                .contains("湖南省株洲市石峰区", "湖南省衡阳市石鼓区", "河南省洛阳市高新技术产业开发区");
        print(result);
    }

    @Test
    void hitsCarryTheirEvidence() {
        Hit top = projects.search(ProjectQuery.text("城乡居民医疗保险区级财政补助资金"), 3).hits().get(0);

        assertThat(top.projectName()).isEqualTo("城乡居民医疗保险区级财政补助资金");
        assertThat(top.legs()).containsExactlyInAnyOrder("keyword", "bigram", "vector");
        assertThat(top.matchedTerms()).anySatisfy(t -> {
            assertThat(t.term()).isEqualTo("财政补助");
            assertThat(t.fields()).contains("projectName");
        });
        assertThat(top.indicators()).isNotEmpty();
        assertThat(top.score()).isPositive();
    }

    @Test
    void partyOfficeQueryReturnsNoSocialSecurityProject() {
        SimilarResult result = projects.search(new ProjectQuery("区委办公室会议服务经费",
                "保障区委全会、常委会议的会务服务和区委领导重大活动的协调安排", "区委办", null, null, null), 5);
        print(result);

        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits().get(0).projectName()).isEqualTo("区委会议经费");
        assertThat(result.hits()).extracting(Hit::projectName)
                .noneMatch(name -> name.matches(".*(医|养老|保险|低保|就业|社保|社会保障|劳动).*"));
    }

    @Test
    void punctuationOnlyQueryIsBelowThreshold() {
        SimilarResult result = projects.search(ProjectQuery.text("，。！？……——（）《》"), 5);
        print(result);

        assertThat(result.belowThreshold()).isTrue();
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void unrelatedQueryIsBelowThreshold() {
        SimilarResult result = projects.search(ProjectQuery.text("量子计算机芯片流片与光刻胶进口"), 5);
        print(result);

        assertThat(result.belowThreshold()).isTrue();
    }

    @Test
    void mixedEnglishAndChineseQueryFindsThePensionProjects() {
        SimilarResult result = projects.search(ProjectQuery.text("城乡居民 pension 基础养老金 subsidy"), 5);

        assertThat(result.hits()).extracting(Hit::projectName).contains("城乡居民养老保险区级基础养老金补贴");
    }

    @Test
    void hundredThousandCharacterQueryIsAnswered() {
        String text = "城乡居民医疗保险财政补助资金，".repeat(7_000).substring(0, 100_000);

        SimilarResult result = projects.search(ProjectQuery.text(text), 5);

        assertThat(result.hits()).extracting(Hit::projectName).contains("城乡居民医疗保险区级财政补助资金");
    }

    @Test
    void emptyQueryIsRefusedWithAChineseMessage() {
        assertThatThrownBy(() -> projects.search(ProjectQuery.text("   "), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("请填写项目名称");
    }

    @Test
    void similarIndicatorsOfOneLevel2ComeFromPastProjects() {
        List<IndicatorHit> hits = projects.similarIndicators("时效指标", "医疗保险补贴按时发放", 5);

        assertThat(hits).isNotEmpty().allSatisfy(h -> {
            assertThat(h.indicator().level2().label()).isEqualTo("时效指标");
            assertThat(h.projectName()).isNotBlank();
            assertThat(h.declarationId()).hasSize(12);
            assertThat(h.matchedTerms()).isNotEmpty();
        });
    }

    @Test
    void examplesAreFoundByLevel2InTheirOriginalOrder() {
        assertThat(projects.examples("数量指标")).extracting(InstructionExample::name)
                .containsExactly("新增幼儿园数量", "在园幼儿人数");
        assertThat(projects.examples("时效指标")).extracting(InstructionExample::name)
                .containsExactly("优抚金按时发放率");
    }

    @Test
    void anIndexedDeclarationIsSearchableAtOnceAndReplacedNotDuplicated() {
        Declaration d = new Declaration("test-upsert", DeclarationKind.PROJECT, "湖北省武汉市江岸区", "江岸区文旅局", 2025,
                "非物质文化遗产保护传承补助", null, new BigDecimal("80"), null, null, "支持非遗传承人开展传习活动", null,
                null, List.of(Indicator.of("产出指标", "数量指标", "扶持非遗传承人数量", "≥30人", Scope.ANNUAL)));
        projects.index(d);
        projects.index(d);

        SimilarResult result = projects.search(ProjectQuery.text("非遗传承人传习补助"), 5);

        assertThat(result.hits()).filteredOn(h -> h.declarationId().equals(d.id())).hasSize(1);
        assertThat(projects.similarIndicators("数量指标", "非遗传承人数量", 5))
                .filteredOn(h -> h.declarationId().equals(d.id())).hasSize(1);
    }

    private static void print(SimilarResult result) {
        result.hits().forEach(h -> System.out.printf("[golden] %s %.3f %s %s%n", h.projectName(), h.similarity(),
                h.legs(), h.matchedTerms().stream().map(MatchedTerm::term).toList()));
        if (result.belowThreshold()) {
            System.out.println("[golden] belowThreshold");
        }
    }
}
