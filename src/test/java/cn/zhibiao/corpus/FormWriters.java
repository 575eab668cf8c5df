package cn.zhibiao.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;

/**
 * Test-side writers that render declarations into the layouts bureaus publish, the way those files are built: the
 * national 2021 template in Word with vertically merged 一级/二级 cells, provincial workbooks with the target split
 * over 指标性质 · 指标值 · 度量单位, one sheet per project behind a 汇总 sheet, flat one-row-per-indicator exports
 * (.xlsx, .csv) and a printed PDF. Each form ends with the usual footer line, which must never become an indicator.
 */
final class FormWriters {

    static final String FOOTER = "填报人：            联系电话：            填报日期：";
    private static final Pattern SPLIT = Pattern.compile("^(≥|≤|=|>|<)?(-?\\d+(?:\\.\\d+)?)([^\\d]*)$");

    private FormWriters() {
    }

    /** One table row: the 中期 and 年度 value of an indicator, paired by category and name in order. */
    record Line(String level1, String level2, String name, String period, String annual) {
    }

    static List<Line> lines(Declaration d) {
        List<Line> lines = new ArrayList<>();
        Map<List<String>, Deque<Integer>> open = new LinkedHashMap<>();
        for (Indicator i : d.indicators()) {
            List<String> key = java.util.Arrays.asList(i.level1Raw(), i.level2Raw(), i.name());
            Deque<Integer> waiting = open.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (i.scope() == Scope.ANNUAL && !waiting.isEmpty()) {
                int at = waiting.poll();
                Line line = lines.get(at);
                lines.set(at, new Line(line.level1(), line.level2(), line.name(), line.period(), i.value()));
                continue;
            }
            lines.add(i.scope() == Scope.PERIOD ? new Line(i.level1Raw(), i.level2Raw(), i.name(), i.value(), null)
                    : new Line(i.level1Raw(), i.level2Raw(), i.name(), null, i.value()));
            if (i.scope() == Scope.PERIOD) {
                waiting.add(lines.size() - 1);
            }
        }
        return lines;
    }

    static boolean hasPeriod(Declaration d) {
        return d.indicators().stream().anyMatch(i -> i.scope() == Scope.PERIOD);
    }

    static String funds(BigDecimal wanYuan) {
        return wanYuan == null ? "" : wanYuan.toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    // ---- national 2021 template, Word ----

    static byte[] nationalDocx(List<Declaration> declarations, String title) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Declaration d : declarations) {
                doc.createParagraph().createRun().setText(title);
                doc.createParagraph().createRun().setText("（" + d.year() + "年度）");
                boolean period = hasPeriod(d);
                int width = period ? 6 : 5;
                XWPFTable table = doc.createTable(1, width);
                fieldRow(table.getRow(0), "项目名称", d.projectName());
                fieldRow(row(table, width), "主管部门", d.department());
                fieldRow(row(table, width), "实施单位", d.department());
                fieldRow(row(table, width), "年度资金总额（万元）", funds(d.fundsWanYuan()));
                fieldRow(row(table, width), "年度目标", d.annualGoal());
                XWPFTableRow header = row(table, width);
                List<String> heads = new ArrayList<>(List.of("年度绩效指标", "一级指标", "二级指标", "三级指标"));
                heads.addAll(period ? List.of("中期指标值", "年度指标值") : List.of("指标值"));
                for (int c = 0; c < width; c++) {
                    set(header.getCell(c), heads.get(c));
                }
                Line previous = null;
                boolean first = true;
                for (Line line : lines(d)) {
                    XWPFTableRow row = row(table, width);
                    merge(row.getCell(0), first, "年度绩效指标");
                    boolean sameL1 = previous != null && Objects.equals(previous.level1(), line.level1());
                    merge(row.getCell(1), !sameL1, text(line.level1()));
                    boolean sameL2 = sameL1 && Objects.equals(previous.level2(), line.level2());
                    merge(row.getCell(2), !sameL2, text(line.level2()));
                    set(row.getCell(3), text(line.name()));
                    if (period) {
                        set(row.getCell(4), text(line.period()));
                        set(row.getCell(5), text(line.annual()));
                    } else {
                        set(row.getCell(4), text(line.annual()));
                    }
                    previous = line;
                    first = false;
                }
                doc.createParagraph().createRun().setText(FOOTER);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static XWPFTableRow row(XWPFTable table, int width) {
        XWPFTableRow row = table.createRow();
        while (row.getTableCells().size() < width) {
            row.addNewTableCell();
        }
        return row;
    }

    /** A label cell and its value spanning the rest of the row, as the template draws it. */
    private static void fieldRow(XWPFTableRow row, String label, String value) {
        set(row.getCell(0), label);
        set(row.getCell(1), text(value));
        int cells = row.getTableCells().size();
        for (int c = cells - 1; c >= 2; c--) {
            row.removeCell(c);
        }
        row.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(cells - 1));
    }

    private static void merge(XWPFTableCell cell, boolean restart, String text) {
        var merge = cell.getCTTc().addNewTcPr().addNewVMerge();
        if (restart) {
            merge.setVal(STMerge.RESTART);
            set(cell, text);
        }
    }

    private static void set(XWPFTableCell cell, String text) {
        String[] lines = text.split("\n", -1);
        cell.getParagraphs().getFirst().createRun().setText(lines[0]);
        for (int l = 1; l < lines.length; l++) {
            cell.addParagraph().createRun().setText(lines[l]);
        }
    }

    // ---- provincial workbook, target split over 指标性质 · 指标值 · 度量单位 ----

    static byte[] splitTargetXlsx(List<Declaration> declarations) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("绩效目标表");
            int r = 0;
            for (Declaration d : declarations) {
                boolean period = hasPeriod(d);
                int width = period ? 9 : 6;
                r = title(sheet, r, d.year() + "年度项目支出绩效目标表", width);
                r = field(sheet, r, "项目名称", d.projectName(), width);
                r = field(sheet, r, "实施单位", d.department(), width);
                Object funds = d.fundsWanYuan() == null ? "" : d.fundsWanYuan();
                r = field(sheet, r, "资金总额（万元）", funds, width);
                r = field(sheet, r, "年度目标", d.annualGoal(), width);
                var head = sheet.createRow(r);
                var sub = sheet.createRow(r + 1);
                cell(head, 0, "一级指标");
                cell(head, 1, "二级指标");
                cell(head, 2, "三级指标");
                int annualAt = period ? 6 : 3;
                if (period) {
                    cell(head, 3, "中期指标值");
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 3, 5));
                }
                cell(head, annualAt, period ? "年度指标值" : "指标值");
                sheet.addMergedRegion(new CellRangeAddress(r, r, annualAt, annualAt + 2));
                for (int c = 0; c < 3; c++) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c, c));
                }
                for (int at : period ? new int[] {3, 6} : new int[] {3}) {
                    cell(sub, at, "指标性质");
                    cell(sub, at + 1, "指标值");
                    cell(sub, at + 2, "度量单位");
                }
                r += 2;
                r = indicatorRows(sheet, r, lines(d), (row, line) -> {
                    if (period) {
                        split(row, 3, line.period());
                    }
                    split(row, annualAt, line.annual());
                });
                r = title(sheet, r, FOOTER, width) + 1;
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** "≥95%" as ≥ · 95 · %; a target that is no number with a unit is 定性, its text in the value column. */
    private static void split(org.apache.poi.ss.usermodel.Row row, int at, String value) {
        if (value == null) {
            return;
        }
        Matcher m = SPLIT.matcher(value);
        if (m.matches() && new BigDecimal(m.group(2)).toPlainString().equals(m.group(2))) {
            cell(row, at, m.group(1) == null ? "" : m.group(1));
            String number = m.group(2);
            boolean canonical = new BigDecimal(number).stripTrailingZeros().toPlainString().equals(number);
            if (canonical && number.length() < 15) {
                row.createCell(at + 1).setCellValue(Double.parseDouble(number));
            } else {
                cell(row, at + 1, number);
            }
            cell(row, at + 2, m.group(3));
        } else {
            cell(row, at, "定性");
            cell(row, at + 1, value);
        }
    }

    // ---- one sheet per project behind a 汇总 sheet ----

    static byte[] perSheetWorkbook(List<Declaration> declarations, Supplier<Workbook> factory) throws IOException {
        try (Workbook wb = factory.get(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = wb.createSheet("汇总");
            int s = title(summary, 0, "项目支出绩效目标汇总表", 4);
            var head = summary.createRow(s++);
            List.of("序号", "项目名称", "主管部门", "资金（万元）").forEach(h -> cell(head, head.getPhysicalNumberOfCells(), h));
            int n = 0;
            for (Declaration d : declarations) {
                var listed = summary.createRow(s++);
                cell(listed, 0, String.valueOf(++n));
                cell(listed, 1, d.projectName());
                cell(listed, 2, d.department());
                cell(listed, 3, funds(d.fundsWanYuan()));
                Sheet sheet = wb.createSheet(n + "-" + d.projectName().replaceAll("[\\\\/?*\\[\\]:]", "")
                        .substring(0, Math.min(20, d.projectName().replaceAll("[\\\\/?*\\[\\]:]", "").length())));
                boolean period = hasPeriod(d);
                int width = period ? 5 : 4;
                int r = title(sheet, 0, d.year() + "年度项目支出绩效目标申报表", width);
                r = field(sheet, r, "项目名称", d.projectName(), width);
                r = field(sheet, r, "主管部门", d.department(), width);
                r = field(sheet, r, "年度资金总额", d.fundsWanYuan() == null ? "" : d.fundsWanYuan(), width);
                var h = sheet.createRow(r++);
                cell(h, 0, "一级指标");
                cell(h, 1, "二级指标");
                cell(h, 2, "三级指标");
                cell(h, 3, period ? "中期指标值" : "指标值");
                if (period) {
                    cell(h, 4, "年度指标值");
                }
                r = indicatorRows(sheet, r, lines(d), (row, line) -> {
                    if (period) {
                        cell(row, 3, line.period());
                        cell(row, 4, line.annual());
                    } else {
                        cell(row, 3, line.annual());
                    }
                });
                title(sheet, r, FOOTER, width);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    // ---- a form saved as tab-separated text, one table row per line ----

    /**
     * The national form as Word or WPS save it as plain text: one line per table row, cells split by tabs, merged
     * 一级/二级 cells left empty under their first row, and no tabs after the last filled cell (an empty 指标值 or
     * 年度绩效目标 ends its line early).
     */
    static byte[] tabText(List<Declaration> declarations) {
        StringBuilder text = new StringBuilder();
        for (Declaration d : declarations) {
            boolean period = hasPeriod(d);
            text.append("项目支出绩效目标申报表\n\n");
            tabLine(text, "项目名称", d.projectName(), "主管部门", text(d.department()));
            tabLine(text, "年度", String.valueOf(d.year()), "年度资金总额（万元）", funds(d.fundsWanYuan()));
            tabLine(text, "年度绩效目标", text(d.annualGoal()));
            if (period) {
                tabLine(text, "一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值");
            } else {
                tabLine(text, "一级指标", "二级指标", "三级指标", "指标值");
            }
            String level1 = null;
            String level2 = null;
            for (Line line : lines(d)) {
                boolean sameLevel1 = Objects.equals(line.level1(), level1);
                boolean sameLevel2 = sameLevel1 && Objects.equals(line.level2(), level2);
                List<String> cells = new ArrayList<>(List.of(sameLevel1 ? "" : text(line.level1()),
                        sameLevel2 ? "" : text(line.level2()), text(line.name())));
                if (period) {
                    cells.add(text(line.period()));
                }
                cells.add(text(line.annual()));
                tabLine(text, cells.toArray(String[]::new));
                level1 = line.level1();
                level2 = line.level2();
            }
            text.append(FOOTER).append("\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void tabLine(StringBuilder text, String... cells) {
        text.append(String.join("\t", cells).stripTrailing()).append('\n');
    }

    // ---- flat export, one row per indicator ----

    static final List<String> LONG_HEADER = List.of("项目名称", "主管部门", "年度", "年度资金总额（万元）", "一级指标",
            "二级指标", "三级指标", "中期指标值", "年度指标值");

    static List<List<String>> longRows(List<Declaration> declarations) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(LONG_HEADER);
        for (Declaration d : declarations) {
            for (Line line : lines(d)) {
                rows.add(List.of(d.projectName(), text(d.department()), String.valueOf(d.year()),
                        funds(d.fundsWanYuan()), text(line.level1()), text(line.level2()), text(line.name()),
                        text(line.period()), text(line.annual())));
            }
        }
        return rows;
    }

    static byte[] longXlsx(List<Declaration> declarations) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("导出");
            List<List<String>> rows = longRows(declarations);
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    cell(row, c, rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static String longCsv(List<Declaration> declarations) {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : longRows(declarations)) {
            csv.append(String.join(",", row.stream().map(FormWriters::quoted).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    // ---- printed PDF ----

    static byte[] pdf(List<Declaration> declarations) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
                InputStream fontFile = FormWriters.class.getResourceAsStream("/fonts/wqy-microhei-subset.ttf")) {
            PDType0Font font = PDType0Font.load(doc, fontFile);
            PDRectangle size = new PDRectangle(PDRectangle.A3.getHeight(), PDRectangle.A3.getWidth());
            float margin = 30;
            for (Declaration d : declarations) {
                boolean period = hasPeriod(d);
                List<String> heads = new ArrayList<>(List.of("一级指标", "二级指标", "三级指标"));
                heads.addAll(period ? List.of("中期指标值", "年度指标值") : List.of("指标值"));
                List<List<String>> table = new ArrayList<>();
                table.add(heads);
                for (Line line : lines(d)) {
                    List<String> cells = new ArrayList<>(List.of(text(line.level1()), text(line.level2()),
                            text(line.name())));
                    cells.addAll(period ? List.of(text(line.period()), text(line.annual())) : List.of(text(line.annual())));
                    table.add(cells);
                }
                float[] widths = new float[heads.size()];
                for (List<String> row : table) {
                    for (int c = 0; c < row.size(); c++) {
                        widths[c] = Math.max(widths[c], font.getStringWidth(row.get(c)) / 1000);
                    }
                }
                float total = 0;
                for (float w : widths) {
                    total += w;
                }
                float fontSize = Math.min(9, (size.getWidth() - 2 * margin - 30 * heads.size()) / total);
                PDPage page = new PDPage(size);
                doc.addPage(page);
                PDPageContentStream content = new PDPageContentStream(doc, page);
                float y = size.getHeight() - margin;
                List<List<String>> printed = new ArrayList<>();
                printed.add(List.of(d.year() + "年度项目支出绩效目标表"));
                printed.add(List.of("项目名称", d.projectName()));
                printed.add(List.of("主管部门", text(d.department())));
                printed.add(List.of("年度资金总额（万元）", funds(d.fundsWanYuan())));
                printed.addAll(table);
                printed.add(List.of(FOOTER.replaceAll("\\s+", "")));
                for (List<String> row : printed) {
                    if (y < margin + fontSize) {
                        content.close();
                        page = new PDPage(size);
                        doc.addPage(page);
                        content = new PDPageContentStream(doc, page);
                        y = size.getHeight() - margin;
                    }
                    float x = margin;
                    for (int c = 0; c < row.size(); c++) {
                        if (!row.get(c).isEmpty()) {
                            content.beginText();
                            content.setFont(font, fontSize);
                            content.newLineAtOffset(x, y);
                            content.showText(row.get(c).replace('\n', ' '));
                            content.endText();
                        }
                        boolean tableRow = row.size() == heads.size();
                        x += tableRow ? widths[c] * fontSize + 30 : 160;
                    }
                    y -= fontSize * 1.8f;
                }
                content.close();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ---- shared sheet helpers ----

    interface RowFiller {
        void fill(org.apache.poi.ss.usermodel.Row row, Line line);
    }

    /** Indicator rows with 一级/二级 merged down over the rows they span, as real workbooks are drawn. */
    private static int indicatorRows(Sheet sheet, int r, List<Line> lines, RowFiller filler) {
        int l1Start = r;
        int l2Start = r;
        Line previous = null;
        for (Line line : lines) {
            boolean sameL1 = previous != null && Objects.equals(previous.level1(), line.level1());
            boolean sameL2 = sameL1 && Objects.equals(previous.level2(), line.level2());
            if (!sameL1) {
                mergeDown(sheet, l1Start, r - 1, 0);
                l1Start = r;
            }
            if (!sameL2) {
                mergeDown(sheet, l2Start, r - 1, 1);
                l2Start = r;
            }
            var row = sheet.createRow(r);
            if (!sameL1) {
                cell(row, 0, line.level1());
            }
            if (!sameL2) {
                cell(row, 1, line.level2());
            }
            cell(row, 2, line.name());
            filler.fill(row, line);
            previous = line;
            r++;
        }
        mergeDown(sheet, l1Start, r - 1, 0);
        mergeDown(sheet, l2Start, r - 1, 1);
        return r;
    }

    private static void mergeDown(Sheet sheet, int from, int to, int column) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(from, to, column, column));
        }
    }

    private static int title(Sheet sheet, int r, String text, int width) {
        cell(sheet.createRow(r), 0, text);
        if (width > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
        }
        return r + 1;
    }

    private static int field(Sheet sheet, int r, String label, Object value, int width) {
        var row = sheet.createRow(r);
        cell(row, 0, label);
        if (value instanceof BigDecimal number) {
            row.createCell(1).setCellValue(number.doubleValue());
        } else {
            cell(row, 1, (String) value);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 1, width - 1));
        return r + 1;
    }

    private static void cell(org.apache.poi.ss.usermodel.Row row, int c, String text) {
        if (text != null && !text.isEmpty()) {
            row.createCell(c).setCellValue(text);
        }
    }
}
