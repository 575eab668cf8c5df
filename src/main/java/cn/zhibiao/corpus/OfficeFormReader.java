package cn.zhibiao.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads Word documents (.docx, .doc) and binary workbooks (.xls) into the rows every reader produces. A Word table
 * is laid on its grid: a cell spanning columns keeps its text in its first column, and a vertically merged cell
 * repeats the text of the cell where the merge starts, so 一级/二级 reach every row they cover. A Word cell's
 * paragraphs become the lines of one cell.
 */
final class OfficeFormReader {

    private OfficeFormReader() {
    }

    static List<Row> docx(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(in)) {
            int n = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    n++;
                    String text = CellText.clean(paragraph.getText());
                    if (!text.isEmpty()) {
                        rows.add(Row.paragraph(n, text));
                    }
                } else if (element instanceof XWPFTable table) {
                    Map<Integer, String> above = new HashMap<>();
                    for (XWPFTableRow tableRow : table.getRows()) {
                        n++;
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : tableRow.getTableCells()) {
                            int column = cells.size();
                            String text = CellText.clean(String.join("\n",
                                    cell.getParagraphs().stream().map(XWPFParagraph::getText).toList()));
                            CTTcPr properties = cell.getCTTc().getTcPr();
                            boolean continued = properties != null && properties.isSetVMerge()
                                    && properties.getVMerge().getVal() != STMerge.RESTART;
                            cells.add(continued ? above.getOrDefault(column, "") : text);
                            int span = properties != null && properties.isSetGridSpan()
                                    ? properties.getGridSpan().getVal().intValue() : 1;
                            for (int s = 1; s < span; s++) {
                                cells.add("");
                            }
                        }
                        for (int c = 0; c < cells.size(); c++) {
                            above.put(c, cells.get(c));
                        }
                        rows.add(new Row(n, cells, false));
                    }
                }
            }
        }
        return rows;
    }

    /** A binary .doc: paragraphs outside tables are paragraphs, table rows are rows, as in .docx. */
    static List<Row> doc(POIFSFileSystem fs) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (HWPFDocument doc = new HWPFDocument(fs)) {
            Range range = doc.getRange();
            int n = 0;
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph paragraph = range.getParagraph(i);
                n++;
                if (!paragraph.isInTable()) {
                    String text = CellText.clean(wordText(paragraph.text()));
                    if (!text.isEmpty()) {
                        rows.add(Row.paragraph(n, text));
                    }
                    continue;
                }
                Table table = range.getTable(paragraph);
                Map<Integer, String> above = new HashMap<>();
                for (int r = 0; r < table.numRows(); r++) {
                    TableRow tableRow = table.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < tableRow.numCells(); c++) {
                        TableCell cell = tableRow.getCell(c);
                        String text = CellText.clean(wordText(cell.text()));
                        boolean continued = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                        cells.add(continued ? above.getOrDefault(c, "") : text);
                    }
                    for (int c = 0; c < cells.size(); c++) {
                        above.put(c, cells.get(c));
                    }
                    rows.add(new Row(n + r, cells, false));
                }
                i += table.numParagraphs() - 1;
                n += table.numRows();
            }
        }
        return rows;
    }

    /** Word's binary text marks cell ends with \u0007 and line ends with \r. */
    private static String wordText(String raw) {
        return raw.replace("\u0007", "").replace('\r', '\n').replace('\u000B', '\n').strip();
    }

    /** A binary .xls, sheet by sheet, with the same size checks and merge handling as the .xlsx reader. */
    static List<Row> xls(String name, POIFSFileSystem fs, ImportLimits limits) throws IOException, ImportException {
        List<Row> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
            for (Sheet sheet : workbook) {
                SheetGrid grid = new SheetGrid(name, sheet.getSheetName(), limits);
                grid.declared(sheet.getLastRowNum() < 0 ? null
                        : "A1:A" + (sheet.getLastRowNum() + 1));
                for (org.apache.poi.ss.usermodel.Row sheetRow : sheet) {
                    for (Cell cell : sheetRow) {
                        grid.put(sheetRow.getRowNum(), cell.getColumnIndex(), text(cell, formatter));
                    }
                }
                sheet.getMergedRegions().forEach(grid::merge);
                rows.addAll(grid.rows());
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            return SheetGrid.number(Double.toString(cell.getNumericCellValue()), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString(), formatter);
        }
        return formatter.formatCellValue(cell);
    }
}
