package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;

/** One committed real-shaped file per layout (see {@code src/test/resources/corpus/layouts/README.md}). */
class LayoutFixturesTest {

    private static final Path DIR = Path.of("src/test/resources/corpus/layouts");
    private final FormImporter importer = new FormImporter(Seeds.LIMITS);

    private ImportResult read(String file) throws ImportException {
        return importer.read(DIR.resolve(file));
    }

    @Test
    void readsTheNationalTemplateWithMergedCategoriesIntoPeriodAndAnnualValues() throws Exception {
        Declaration d = read("national-2021-shenbaobiao.docx").declarations().getFirst();
        assertThat(d.projectName()).isEqualTo("发展建设类-农产品质检体系建设和“三品一标”发展项目");
        assertThat(d.department()).isEqualTo("六安市农业农村局");
        assertThat(d.year()).isEqualTo(2024);
        assertThat(d.fundsWanYuan()).isEqualByComparingTo("51.35");
        assertThat(d.annualGoal()).isNotBlank();
        assertThat(d.indicators()).hasSize(14);
        assertThat(d.indicators()).extracting(Indicator::scope).containsOnly(Scope.PERIOD, Scope.ANNUAL);
        assertThat(d.indicators()).allSatisfy(i -> assertThat(i.level2()).isNotNull());
        assertThat(d.indicators()).extracting(Indicator::name).doesNotContain("年度绩效指标");
    }

    @Test
    void readsTheTemplateWhateverItsTitle() throws Exception {
        Declaration d = read("national-2021-mubiaobiao.docx").declarations().getFirst();
        assertThat(d.projectName()).isEqualTo("雾炮车降尘抑尘服务");
        assertThat(d.fundsWanYuan()).isEqualByComparingTo("250");
        assertThat(d.indicators()).extracting(Indicator::level2, Indicator::name, Indicator::value)
                .contains(tuple(Level2.QUANTITY, "雾炮车降尘抑尘服务配备车辆数", "10辆"),
                        tuple(Level2.TIMELINESS, "服务周期", "2023.07-2024.01"));
    }

    @Test
    void readsABinaryWordDocument() throws Exception {
        Declaration d = read("national-2021.doc").declarations().getFirst();
        assertThat(d.projectName()).isEqualTo("博物馆纪念馆市级免费开放补助资金");
        assertThat(d.department()).isEqualTo("嘉峪关城市博物馆");
        assertThat(d.indicators()).hasSize(10).extracting(Indicator::value).contains("=300天");
    }

    @Test
    void rejoinsTargetsSplitOverNatureValueAndUnit() throws Exception {
        Declaration d = read("split-target.xlsx").declarations().getFirst();
        assertThat(d.projectName()).isEqualTo("再生资源回收市场管理经费");
        assertThat(d.fundsWanYuan()).isEqualByComparingTo("3");
        assertThat(d.indicators()).extracting(Indicator::value).contains("=44,561").allSatisfy(v -> assertThat(v)
                .doesNotEndWith(".0"));
        assertThat(d.indicators()).extracting(Indicator::name).doesNotContain("定性", "≥", "=");
    }

    @Test
    void readsEachSheetAsAProjectAndReportsTheSummarySheet() throws Exception {
        ImportResult result = read("sheet-per-project.xlsx");
        assertThat(result.declarations()).extracting(Declaration::projectName, Declaration::year)
                .containsExactly(tuple("村组干部报酬", 2023), tuple("基层组织活动经费", 2023),
                        tuple("农村义务教育薄弱学校改造补助资金", 2020));
        assertThat(result.declarations().getFirst().fundsWanYuan()).isEqualByComparingTo("330.984");
        assertThat(result.warnings()).extracting(ImportWarning::message).anyMatch(m -> m.contains("“汇总”是汇总表"));
    }

    @Test
    void readsABinaryWorkbook() throws Exception {
        Declaration d = read("sheet-per-project.xls").declarations().getFirst();
        assertThat(d.projectName()).isEqualTo("演出设备更新专项经费");
        assertThat(d.department()).isEqualTo("新洲区楚剧团");
        assertThat(d.indicators()).hasSize(5);
    }

    @Test
    void readsAFlatExportWorkbookAsOneDeclarationPerProject() throws Exception {
        List<Declaration> ds = read("flat-export.xlsx").declarations();
        assertThat(ds).extracting(Declaration::projectName, Declaration::year, d -> d.indicators().size())
                .containsExactly(tuple("2025金安国际网球公开赛(国际系列赛事)", 2025, 11), tuple("麻风病防治", 2021, 12));
    }

    @Test
    void readsFlatCsvExportsInUtf8AndGb18030() throws Exception {
        Declaration utf8 = read("flat-export-utf8.csv").declarations().getFirst();
        assertThat(utf8.indicators()).extracting(Indicator::name)
                .contains("★补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量(≥**株)");
        Declaration gb = read("flat-export-gb18030.csv").declarations().getFirst();
        assertThat(gb.projectName()).isEqualTo("党支部书记补贴");
        assertThat(gb.department()).isEqualTo("圣灯山镇人民政府");
        assertThat(gb.fundsWanYuan()).isEqualByComparingTo("20");
    }

    @Test
    void readsATextPdfBackIntoTableRows() throws Exception {
        Declaration d = read("text-form.pdf").declarations().getFirst();
        assertThat(d.projectName()).isEqualTo("国家基本公共卫生服务项目");
        assertThat(d.fundsWanYuan()).isEqualByComparingTo("2279.048");
        assertThat(d.indicators()).extracting(Indicator::level1, Indicator::name)
                .contains(tuple(Level1.OUTPUT, "适龄儿童国家免疫规划疫苗接种率"));
    }
}
