package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the two text-export dialects into rows. Word's "cell per line" export starts each cell with a tab, continues a
 * cell on lines without one, and ends a row with a blank line. The "row per line" dialect separates cells with tabs
 * on one line, as spreadsheets and some converters write them.
 */
final class TextFormReader {

    private TextFormReader() {
    }

    static List<Row> read(String text, Warnings warnings) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (CellText.hasUndecodable(lines[i])) {
                warnings.add(i + 1, "含无法解码的字符（导出时被截断），已去除");
            }
        }
        return isRowPerLine(lines) ? rowPerLine(lines) : cellPerLine(lines);
    }

    /**
     * Comma-separated values as spreadsheets export them (RFC 4180): quoted fields may hold commas, quotes ("") and
     * line breaks. One pass over the characters, so no input can make it backtrack.
     */
    static List<Row> csv(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(CellText.clean(cell.toString()));
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(CellText.clean(cell.toString()));
                cell.setLength(0);
                addCsvRow(rows, cells, rowLine);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        cells.add(CellText.clean(cell.toString()));
        addCsvRow(rows, cells, rowLine);
        return rows;
    }

    private static void addCsvRow(List<Row> rows, List<String> cells, int line) {
        if (cells.stream().allMatch(String::isEmpty)) {
            return;
        }
        boolean onlyFirst = cells.stream().skip(1).allMatch(String::isEmpty);
        rows.add(onlyFirst ? Row.paragraph(line, cells.getFirst()) : new Row(line, cells, false));
    }

    private static boolean isRowPerLine(String[] lines) {
        long tabbed = Arrays.stream(lines).filter(l -> l.indexOf('\t') >= 0).count();
        long multi = Arrays.stream(lines).filter(l -> l.stripTrailing().chars().filter(c -> c == '\t').count() >= 2
                || l.indexOf('\t') > 0 && !l.stripTrailing().endsWith("\t") && !l.startsWith("\t")).count();
        return tabbed > 0 && multi * 3 > tabbed;
    }

    /**
     * Each line is a whole row, so a line shorter than the widest one has lost only empty trailing cells (an export
     * drops the tabs after the last filled cell): it is padded, not taken for a piece of a row broken across lines,
     * which would join it with the next line (an empty 指标值 cost the row after it).
     */
    private static List<Row> rowPerLine(String[] lines) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.matches("[\\s|\\-:]+") && line.contains("--")) {
                continue;
            }
            if (line.indexOf('\t') < 0) {
                rows.add(Row.paragraph(i + 1, CellText.clean(line)));
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                cells.add(CellText.clean(cell));
            }
            trimTrailingEmpty(cells);
            rows.add(new Row(i + 1, cells, false));
        }
        int width = rows.stream().filter(r -> !r.paragraph()).mapToInt(r -> r.cells().size()).max().orElse(0);
        return rows.stream().map(r -> r.paragraph() ? r : new Row(r.line(), RowMerger.pad(r.cells(), width), false))
                .toList();
    }

    private static List<Row> cellPerLine(String[] lines) {
        List<Row> rows = new ArrayList<>();
        List<StringBuilder> cells = new ArrayList<>();
        int rowStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("\t")) {
                if (cells.isEmpty()) {
                    rowStart = i + 1;
                }
                cells.add(new StringBuilder(line.substring(1)));
            } else if (line.isBlank()) {
                flush(rows, cells, rowStart);
            } else if (!cells.isEmpty()) {
                cells.getLast().append('\n').append(line);
            } else {
                rows.add(Row.paragraph(i + 1, CellText.clean(line)));
            }
        }
        flush(rows, cells, rowStart);
        return rows;
    }

    private static void flush(List<Row> rows, List<StringBuilder> cells, int rowStart) {
        if (cells.isEmpty()) {
            return;
        }
        rows.add(new Row(rowStart, cells.stream().map(b -> CellText.clean(b.toString())).toList(), false));
        cells.clear();
    }

    static void trimTrailingEmpty(List<String> cells) {
        while (!cells.isEmpty() && cells.getLast().isBlank()) {
            cells.removeLast();
        }
    }
}
