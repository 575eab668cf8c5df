package cn.zhibiao.corpus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The cells of one sheet as they are collected (from the streaming .xlsx reader or from .xls), turned into rows.
 * A vertical merge repeats its text down its first column, so 一级/二级 reach every row they span; a horizontal merge
 * keeps its text in its first cell only, so a title across the sheet stays a title. Every row has the sheet's width,
 * as the grid has. Sizes are checked as cells arrive.
 */
final class SheetGrid {

    /** Excel shows up to 15 significant digits; a stored 0.30000000000000004 is the 0.3 the user typed. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final String file;
    private final String sheet;
    private final ImportLimits limits;
    private final TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    private long count;

    SheetGrid(String file, String sheet, ImportLimits limits) {
        this.file = file;
        this.sheet = sheet;
        this.limits = limits;
    }

    /** A declared size ("A1:XFD1048576") beyond the limits refuses the sheet before any cell is read. */
    void declared(String ref) throws ImportException {
        if (ref == null || ref.isBlank()) {
            return;
        }
        CellRangeAddress range = CellRangeAddress.valueOf(ref.contains(":") ? ref : ref + ":" + ref);
        check(range.getLastRow(), range.getLastColumn(), "声明的范围 " + ref);
    }

    void put(int row, int column, String text) throws ImportException {
        check(row, column, "单元格 " + new org.apache.poi.ss.util.CellReference(row, column).formatAsString());
        if (++count > limits.maxCells()) {
            throw new ImportException(file, "工作表“" + sheet + "”的单元格超过 " + limits.maxCells()
                    + " 个（zhibiao.corpus.max-cells），已拒绝");
        }
        String clean = CellText.clean(text);
        if (!clean.isEmpty()) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, clean);
        }
    }

    void merge(CellRangeAddress range) {
        merges.add(range);
    }

    private void check(int row, int column, String what) throws ImportException {
        if (row >= limits.maxRows()) {
            throw new ImportException(file, "工作表“" + sheet + "”" + what + " 超过 " + limits.maxRows()
                    + " 行（zhibiao.corpus.max-rows），不像一张申报表，已拒绝");
        }
        if (column >= limits.maxColumns()) {
            throw new ImportException(file, "工作表“" + sheet + "”" + what + " 超过 " + limits.maxColumns()
                    + " 列（zhibiao.corpus.max-columns），不像一张申报表，已拒绝");
        }
    }

    List<Row> rows() {
        for (CellRangeAddress merge : merges) {
            String top = cells.getOrDefault(merge.getFirstRow(), new TreeMap<>()).get(merge.getFirstColumn());
            if (top == null) {
                continue;
            }
            for (int r = merge.getFirstRow() + 1; r <= merge.getLastRow() && r < limits.maxRows(); r++) {
                cells.computeIfAbsent(r, k -> new TreeMap<>()).putIfAbsent(merge.getFirstColumn(), top);
            }
        }
        int width = cells.values().stream().mapToInt(TreeMap::lastKey).max().orElse(0) + 1;
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, String>> entry : cells.entrySet()) {
            TreeMap<Integer, String> row = entry.getValue();
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                texts.add(row.getOrDefault(c, ""));
            }
            int line = entry.getKey() + 1;
            boolean onlyFirst = row.size() == 1 && row.firstKey() == 0;
            rows.add(onlyFirst ? new Row(line, List.of(texts.getFirst()), true, sheet)
                    : new Row(line, texts, false, sheet));
        }
        return rows;
    }

    /**
     * A number as the user wrote it: 95 not 95.0, 10606.7522 exactly; a number with a format of its own (percent,
     * date, thousands) as Excel shows it.
     */
    static String number(String raw, int formatIndex, String formatString, DataFormatter formatter) {
        boolean general = formatString == null || formatString.equalsIgnoreCase("General") || formatIndex == 0
                || formatString.equals("@");
        if (general) {
            return new BigDecimal(raw).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
        }
        return formatter.formatRawCellContents(Double.parseDouble(raw), formatIndex, formatString);
    }
}
