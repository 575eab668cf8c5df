package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

/**
 * Word and Excel versions of seed forms, built here with POI from the seed text, must read back to the same
 * declarations as the text export.
 */
class OfficeFormatsTest {

    private final FormImporter importer = new FormImporter(Seeds.LIMIT);

    @Test
    void readsWordVersionOfTheHengyangFormsLikeTheTextExport() throws Exception {
        assertSameDeclarations("003", "forms.docx", docx(seedRows("003")));
    }

    @Test
    void readsWordVersionOfTheZhuzhouSpecialFundTablesLikeTheTextExport() throws Exception {
        assertSameDeclarations("000", "forms.docx", docx(seedRows("000")));
    }

    @Test
    void readsExcelVersionOfTheLuoyangReviewFormsLikeTheTextExport() throws Exception {
        assertSameDeclarations("004", "forms.xlsx", xlsx(seedRows("004")));
    }

    private void assertSameDeclarations(String seed, String fileName, byte[] office) throws Exception {
        var fromText = Seeds.read(seed).declarations();
        var fromOffice = importer.read(fileName, office).declarations();
        assertThat(fromOffice).isNotEmpty();
        assertThat(fromOffice).usingRecursiveComparison().ignoringFields("source").isEqualTo(fromText);
    }

    private static List<Row> seedRows(String seed) throws IOException {
        String text = Files.readString(Seeds.file(seed), StandardCharsets.UTF_8);
        return TextFormReader.read(text, new Warnings("seed"));
    }

    /** Paragraph rows become paragraphs; consecutive table rows one table; a cell's lines its paragraphs. */
    static byte[] docx(List<Row> rows) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = null;
            for (Row row : rows) {
                if (row.paragraph()) {
                    doc.createParagraph().createRun().setText(row.text());
                    table = null;
                    continue;
                }
                XWPFTableRow tableRow;
                if (table == null) {
                    table = doc.createTable(1, Math.max(row.cells().size(), 1));
                    tableRow = table.getRow(0);
                } else {
                    tableRow = table.createRow();
                }
                while (tableRow.getTableCells().size() < row.cells().size()) {
                    tableRow.addNewTableCell();
                }
                while (tableRow.getTableCells().size() > Math.max(row.cells().size(), 1)) {
                    tableRow.removeCell(tableRow.getTableCells().size() - 1);
                }
                for (int i = 0; i < row.cells().size(); i++) {
                    XWPFTableCell cell = tableRow.getCell(i);
                    String[] lines = row.cells().get(i).split("\n", -1);
                    cell.getParagraphs().getFirst().createRun().setText(lines[0]);
                    for (int l = 1; l < lines.length; l++) {
                        cell.addParagraph().createRun().setText(lines[l]);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** One sheet row per row; a paragraph is a row with only its first cell filled. */
    static byte[] xlsx(List<Row> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("申报表");
            int r = 0;
            for (Row row : rows) {
                var sheetRow = sheet.createRow(r++);
                for (int i = 0; i < row.cells().size(); i++) {
                    sheetRow.createCell(i).setCellValue(row.cells().get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
