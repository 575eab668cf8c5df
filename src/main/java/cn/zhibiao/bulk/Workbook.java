package cn.zhibiao.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleCatalog;
import cn.zhibiao.rules.RuleView;
import cn.zhibiao.rules.Severity;

/**
 * The annotated workbook, streamed (SXSSF: a window of rows in memory, the rest flushed to a temporary file), so that
 * thousands of declarations take the memory of a few hundred rows. One sheet per department in the standard layout
 * (项目名称, 一级指标, 二级指标, 三级指标, 指标值) with each flagged value filled and commented (rule id and message),
 * the proposed replacement, its rationale and sources beside it; the summary sheet first, with a bar chart of findings
 * by rule. Comments live in each sheet's comments part, which SXSSF keeps in memory until the end: one small entry
 * per flagged cell, not the rows.
 */
final class Workbook implements AutoCloseable {

    static final String SUMMARY = "汇总";
    static final String NO_DEPARTMENT = "未填写主管部门";
    static final List<String> HEADER = List.of("项目名称", "一级指标", "二级指标", "三级指标", "指标值", "问题",
            "建议三级指标", "建议指标值", "建议理由", "建议来源", "文件");
    /** Rows kept in memory per sheet before they are flushed to disk. */
    private static final int WINDOW = 200;
    private static final int VALUE_COLUMN = 4;
    /** Characters per column unit of POI's widths (1/256 of a character). */
    private static final int WIDTH_UNIT = 256;
    private static final int[] WIDTHS = {30, 10, 14, 24, 24, 30, 24, 24, 40, 40, 24};
    private static final int COMMENT_COLUMNS = 4;
    private static final int COMMENT_ROWS = 4;
    private static final int CHART_COLUMN = 3;
    private static final int CHART_COLUMNS = 10;
    private static final int CHART_ROWS = 20;

    private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
    private final RuleCatalog catalog;
    private final SXSSFSheet summarySheet;
    private final CellStyle header;
    private final CellStyle error;
    private final CellStyle warning;
    private final CellStyle wrap;
    private final Map<String, Sheet> sheets = new HashMap<>();
    private final Map<String, Summary> summaries = new LinkedHashMap<>();

    Workbook(RuleCatalog catalog) {
        this.catalog = catalog;
        this.summarySheet = book.createSheet(SUMMARY);
        Font bold = book.createFont();
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        error = fill(IndexedColors.ROSE);
        warning = fill(IndexedColors.LIGHT_YELLOW);
        wrap = book.createCellStyle();
        wrap.setWrapText(true);
    }

    private CellStyle fill(IndexedColors color) {
        CellStyle style = book.createCellStyle();
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        return style;
    }

    /** A department's sheet with its header row, created when its first declaration arrives. */
    private final class Sheet {
        final SXSSFSheet sheet;
        int next = 1;

        Sheet(String department) {
            sheet = book.createSheet(sheetName(department));
            Row row = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * WIDTH_UNIT);
            }
            sheet.createFreezePane(1, 1);
        }
    }

    void add(DeclarationReport report) {
        String department = report.department() == null || report.department().isBlank() ? NO_DEPARTMENT
                : report.department();
        summaries.computeIfAbsent(department, Summary::new).add(report);
        Sheet target = sheets.computeIfAbsent(department, Sheet::new);
        for (DeclarationReport.Row r : report.rows()) {
            Row row = target.sheet.createRow(target.next++);
            text(row, 0, report.projectName());
            text(row, 1, r.level1());
            text(row, 2, r.level2());
            text(row, 3, r.name());
            Cell value = text(row, VALUE_COLUMN, r.value());
            List<Finding> flags = r.findings().stream().filter(f -> f.severity().isFlag()).toList();
            if (!flags.isEmpty()) {
                value.setCellStyle(flags.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? error : warning);
                value.setCellComment(comment(target.sheet, value, flags));
                text(row, 5, flags.stream().map(f -> f.ruleId() + "：" + f.message())
                        .collect(Collectors.joining("\n"))).setCellStyle(wrap);
            }
            if (r.replacement() != null) {
                text(row, 6, r.replacement().name());
                text(row, 7, r.replacement().value());
                text(row, 8, r.replacement().rationale()).setCellStyle(wrap);
                text(row, 9, String.join("\n", r.replacement().sources())).setCellStyle(wrap);
            }
            text(row, 10, report.file());
        }
    }

    private Comment comment(SXSSFSheet sheet, Cell cell, List<Finding> flags) {
        // XSSF files the comment under the anchor's top-left cell, which SXSSF does not correct: it must be the cell.
        ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + COMMENT_COLUMNS);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + COMMENT_ROWS);
        Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(book.getCreationHelper().createRichTextString(flags.stream()
                .map(f -> f.ruleId() + "：" + f.message()).collect(Collectors.joining("\n"))));
        comment.setAuthor("绩效指标助手");
        comment.setAddress(cell.getAddress());
        return comment;
    }

    /**
     * The summary sheet: per department its counts, findings by rule and most common unmeasurable values; then all
     * findings by rule with the bar chart; then the files that could not be read and the declarations that failed.
     */
    void finish(List<String[]> skippedFiles, List<String[]> failedItems) {
        int r = 0;
        r = headerRow(r, "主管部门", "项目数", "指标数", "可衡量指标占比", "问题数");
        Map<String, Long> total = new TreeMap<>();
        for (Summary s : summaries.values()) {
            Row row = summarySheet.createRow(r++);
            text(row, 0, s.department);
            row.createCell(1).setCellValue(s.projects);
            row.createCell(2).setCellValue(s.indicators);
            text(row, 3, String.format(Locale.ROOT, "%.1f%%", s.measurableShare() * 100));
            row.createCell(4).setCellValue(s.findingsByRule.values().stream().mapToLong(Long::longValue).sum());
            s.findingsByRule.forEach((rule, n) -> total.merge(rule, n, Long::sum));
        }
        r++;
        for (Summary s : summaries.values()) {
            r = headerRow(r, s.department + "：按规则统计的问题", "问题数");
            for (Map.Entry<String, Long> e : s.findingsByRule.entrySet()) {
                Row row = summarySheet.createRow(r++);
                text(row, 0, ruleLabel(e.getKey()));
                row.createCell(1).setCellValue(e.getValue());
            }
            r = headerRow(r, s.department + "：最常见的无法衡量的指标值", "次数");
            for (Map.Entry<String, Long> e : s.topVague()) {
                Row row = summarySheet.createRow(r++);
                text(row, 0, e.getKey());
                row.createCell(1).setCellValue(e.getValue());
            }
            r++;
        }
        r = headerRow(r, "全部部门：按规则统计的问题", "问题数");
        int first = r;
        for (Map.Entry<String, Long> e : total.entrySet()) {
            Row row = summarySheet.createRow(r++);
            text(row, 0, e.getKey());
            row.createCell(1).setCellValue(e.getValue());
        }
        if (!total.isEmpty()) {
            chart(first, total);
        }
        r = headerRow(r + 1, "无法读取的文件", "原因");
        for (String[] file : skippedFiles) {
            Row row = summarySheet.createRow(r++);
            text(row, 0, file[0]);
            text(row, 1, file[1]);
        }
        r = headerRow(r + 1, "未能处理的申报", "原因");
        for (String[] item : failedItems) {
            Row row = summarySheet.createRow(r++);
            text(row, 0, item[0]);
            text(row, 1, item[1]);
        }
        summarySheet.setColumnWidth(0, WIDTHS[8] * WIDTH_UNIT);
        summarySheet.setColumnWidth(1, WIDTHS[8] * WIDTH_UNIT);
    }

    /** Beside the table of all findings by rule, which its series refer to. */
    private void chart(int firstRow, Map<String, Long> total) {
        summarySheet.createDrawingPatriarch();
        XSSFDrawing drawing = summarySheet.getDrawingPatriarch();
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, CHART_COLUMN, firstRow - 1, CHART_COLUMN + CHART_COLUMNS,
                firstRow - 1 + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("按规则统计的问题数");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis rules = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
        int last = firstRow + total.size() - 1;
        String sheet = "'" + SUMMARY + "'!";
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(total.keySet().toArray(String[]::new),
                sheet + "$A$" + (firstRow + 1) + ":$A$" + (last + 1));
        XDDFNumericalDataSource<Long> values = XDDFDataSourcesFactory.fromArray(total.values().toArray(Long[]::new),
                sheet + "$B$" + (firstRow + 1) + ":$B$" + (last + 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, rules, counts);
        data.setBarDirection(BarDirection.COL);
        data.addSeries(categories, values).setTitle("问题数", new CellReference(SUMMARY, firstRow - 1, 1, true, true));
        chart.plot(data);
    }

    private int headerRow(int r, String... labels) {
        Row row = summarySheet.createRow(r);
        for (int c = 0; c < labels.length; c++) {
            text(row, c, labels[c]).setCellStyle(header);
        }
        return r + 1;
    }

    private String ruleLabel(String id) {
        return catalog.rule(id).map(RuleView::title).map(t -> id + "（" + t + "）").orElse(id);
    }

    void write(OutputStream out) throws IOException {
        book.write(out);
    }

    @Override
    public void close() {
        book.dispose();
        try {
            book.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
    private final Map<String, Integer> used = new HashMap<>();

    private String sheetName(String department) {
        String base = WorkbookUtil.createSafeSheetName(department);
        String name = base;
        int n = used.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
        if (n > 1 || name.equalsIgnoreCase(SUMMARY)) {
            String suffix = "（" + n + "）";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
