package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;

/** The header-mapped table reader on small hand-made tables. */
class IndicatorTableTest {

    private final FormImporter importer = new FormImporter(Seeds.LIMITS);

    private Declaration csv(String text) throws ImportException {
        return importer.read("表.csv", text.getBytes(StandardCharsets.UTF_8)).declarations().getFirst();
    }

    @Test
    void keepsAnIndicatorNamedLikeASatisfactionCategoryAsAnIndicator() throws Exception {
        Declaration d = csv("""
                项目名称,测试项目
                一级指标,二级指标,三级指标,指标值
                满意度指标,服务对象满意度指标,服务对象满意度,≥90%
                ,,群众满意度,≥95%
                """);
        assertThat(d.indicators()).extracting(Indicator::level2, Indicator::name, Indicator::value)
                .containsExactly(tuple(Level2.SATISFACTION, "服务对象满意度", "≥90%"),
                        tuple(Level2.SATISFACTION, "群众满意度", "≥95%"));
    }

    @Test
    void readsTheRowsUnderAnAnnualGoalLeftEmpty() throws Exception {
        Declaration d = importer.read("表.txt", """
                项目名称\t助学金项目
                年度绩效目标\t
                一级指标\t二级指标\t三级指标\t指标值
                产出指标\t质量指标\t规章制度建立与否\t
                \t数量指标\t享受资助人数\t2100
                \t\t资金支出率\t95%
                """.getBytes(StandardCharsets.UTF_8)).declarations().getFirst();
        assertThat(d.indicators()).extracting(Indicator::level2, Indicator::name, Indicator::value)
                .containsExactly(tuple(Level2.QUALITY, "规章制度建立与否", null),
                        tuple(Level2.QUANTITY, "享受资助人数", "2100"), tuple(Level2.QUANTITY, "资金支出率", "95%"));
    }

    @Test
    void neverTakesTheFooterForAnIndicator() throws Exception {
        Declaration d = csv("""
                项目名称,测试项目
                一级指标,二级指标,三级指标,指标值
                产出指标,数量指标,培训人数,100人
                填报人：张三,联系电话：123,填报日期：2024年1月
                """);
        assertThat(d.indicators()).extracting(Indicator::name).containsExactly("培训人数");
    }

    @Test
    void mapsColumnsByTheirHeaderWhereverTheyStand() throws Exception {
        Declaration d = csv("""
                项目名称,测试项目
                序号,具体指标,目标值,二级指标,一级指标
                1,培训人数,100人,数量指标,产出指标
                """);
        assertThat(d.indicators()).extracting(Indicator::level2, Indicator::name, Indicator::value)
                .containsExactly(tuple(Level2.QUANTITY, "培训人数", "100人"));
    }

    @Test
    void reportsAFilledCellUnderNoKnownColumnWithItsPlace() throws Exception {
        ImportResult result = importer.read("表.csv", """
                项目名称,测试项目
                一级指标,二级指标,三级指标,指标值,备注
                产出指标,数量指标,培训人数,100人,另有补充说明
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(result.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("第5列").contains("另有补充说明");
        });
    }

    @Test
    void rejoinsASplitTargetAndKeepsNumbersAsWritten() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("表");
            var title = sheet.createRow(0);
            title.createCell(0).setCellValue("项目名称");
            title.createCell(1).setCellValue("测试项目");
            var funds = sheet.createRow(1);
            funds.createCell(0).setCellValue("年度资金总额（万元）");
            funds.createCell(1).setCellValue(10606.7522);
            var head = sheet.createRow(2);
            head.createCell(0).setCellValue("一级指标");
            head.createCell(1).setCellValue("二级指标");
            head.createCell(2).setCellValue("三级指标");
            head.createCell(3).setCellValue("指标值");
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 3, 5));
            var sub = sheet.createRow(3);
            sub.createCell(3).setCellValue("指标性质");
            sub.createCell(4).setCellValue("指标值");
            sub.createCell(5).setCellValue("度量单位");
            String[][] rows = {{"产出指标", "质量指标", "合格率", "≥", null, "%"}, {null, null, "验收", "定性", "合格", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(4 + r);
                for (int c = 0; c < 6; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            sheet.getRow(4).createCell(4).setCellValue(95.0);
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 1, 1));
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Declaration d = importer.read("表.xlsx", xlsx).declarations().getFirst();
        assertThat(d.fundsWanYuan().toPlainString()).isEqualTo("10606.7522");
        assertThat(d.indicators()).extracting(Indicator::level2, Indicator::name, Indicator::value)
                .containsExactly(tuple(Level2.QUALITY, "合格率", "≥95%"), tuple(Level2.QUALITY, "验收", "合格"));
    }
}
