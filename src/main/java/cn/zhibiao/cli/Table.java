package cn.zhibiao.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for a terminal. Chinese characters take two columns, so widths are counted in display columns;
 * long cells wrap inside their column instead of pushing the next column off the screen.
 */
final class Table {

    /** Four columns of this width and their gaps fit a 150-column terminal; longer text wraps. */
    private static final int MAX_COLUMN_WIDTH = 34;
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.strip().replaceAll("\\s+", " ")).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], Math.min(MAX_COLUMN_WIDTH, width(row.get(c))));
            }
        }
        print(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : GAP).append("─".repeat(widths[c]));
        }
        out.println(rule);
        rows.forEach(row -> print(out, row, widths));
    }

    private static void print(PrintStream out, List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            wrapped.add(wrap(cells.get(c), widths[c]));
            height = Math.max(height, wrapped.get(c).size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String part = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
                text.append(c == 0 ? "" : GAP).append(part);
                if (c < widths.length - 1) {
                    text.append(" ".repeat(widths[c] - width(part)));
                }
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > width && used > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        if (used > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static int width(String text) {
        return text.codePoints().map(Table::width).sum();
    }

    /** East Asian wide and full-width characters take two terminal columns. */
    private static int width(int cp) {
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
        return wide ? 2 : 1;
    }
}
