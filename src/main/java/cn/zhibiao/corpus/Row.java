package cn.zhibiao.corpus;

import java.util.List;

/**
 * One row of a legacy form as any reader sees it: the cells of a table row, or a paragraph of free text.
 * {@code line} is the 1-based line (text), paragraph or row number (docx, xlsx) used in warnings; {@code sheet} names
 * the workbook sheet the row is on (null outside workbooks), since each sheet may hold its own project.
 */
record Row(int line, List<String> cells, boolean paragraph, String sheet) {

    Row {
        cells = List.copyOf(cells);
    }

    Row(int line, List<String> cells, boolean paragraph) {
        this(line, cells, paragraph, null);
    }

    static Row paragraph(int line, String text) {
        return new Row(line, List.of(text), true);
    }

    String text() {
        return String.join(" ", cells).strip();
    }

    String cell(int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }

    List<String> nonEmpty() {
        return cells.stream().filter(c -> !c.isBlank()).toList();
    }
}
