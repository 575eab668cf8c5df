package cn.zhibiao.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads Word tables and Excel sheets into the same rows the text reader produces, so one set of layout parsers
 * serves all three formats. A Word cell's paragraphs become the lines of one cell; an Excel row with only its first
 * cell filled is a paragraph (a title or a note), as in the text export.
 */
final class OfficeFormReader {

    private OfficeFormReader() {
    }

    static List<Row> docx(byte[] bytes) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            int n = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    n++;
                    String text = CellText.clean(paragraph.getText());
                    if (!text.isEmpty()) {
                        rows.add(Row.paragraph(n, text));
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow tableRow : table.getRows()) {
                        n++;
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : tableRow.getTableCells()) {
                            List<String> lines = cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
                            cells.add(CellText.clean(String.join("\n", lines)));
                        }
                        rows.add(new Row(n, cells, false));
                    }
                }
            }
        }
        return rows;
    }

    static List<Row> xlsx(byte[] bytes) throws IOException {
        List<Row> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                for (org.apache.poi.ss.usermodel.Row sheetRow : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < sheetRow.getLastCellNum(); c++) {
                        Cell cell = sheetRow.getCell(c);
                        cells.add(cell == null ? "" : CellText.clean(formatter.formatCellValue(cell)));
                    }
                    int line = sheetRow.getRowNum() + 1;
                    boolean onlyFirst = !cells.isEmpty() && !cells.getFirst().isEmpty()
                            && cells.stream().skip(1).allMatch(String::isEmpty);
                    if (onlyFirst) {
                        rows.add(Row.paragraph(line, cells.getFirst()));
                    } else {
                        rows.add(new Row(line, cells, false));
                    }
                }
            }
        }
        return rows;
    }
}
