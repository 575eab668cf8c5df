package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Rebuilds table rows that a text export broke into pieces. */
final class RowMerger {

    private RowMerger() {
    }

    /**
     * Groups rows into records of {@code width} cells. Word exports sometimes break one table row into several
     * blank-line-separated pieces; pieces are joined until the record is full. A header row always starts afresh.
     * Each record keeps the line where it began.
     */
    static List<Row> records(List<Row> rows, int width, Warnings warnings, Predicate<Row> isHeader) {
        List<Row> records = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int pendingLine = 0;
        for (Row row : rows) {
            if (row.paragraph()) {
                continue;
            }
            if (isHeader.test(row)) {
                if (!pending.isEmpty()) {
                    warnings.add(pendingLine, "表格行不完整，已跳过：" + String.join(" | ", pending));
                    pending.clear();
                }
                records.add(new Row(row.line(), pad(row.cells(), width), false));
                continue;
            }
            if (pending.isEmpty()) {
                pendingLine = row.line();
            }
            pending.addAll(row.cells());
            if (pending.size() >= width) {
                if (pending.size() > width) {
                    warnings.add(pendingLine, "表格行的单元格多于表头（" + pending.size() + " > " + width + "），多出的单元格未读取："
                            + String.join(" | ", pending.subList(width, pending.size())));
                }
                records.add(new Row(pendingLine, pending.subList(0, width), false));
                pending.clear();
            }
        }
        if (!pending.isEmpty() && pending.stream().anyMatch(c -> !c.isBlank())) {
            warnings.add(pendingLine, "表格行被截断（" + pending.size() + "/" + width + " 个单元格），已按现有单元格读取");
            records.add(new Row(pendingLine, pad(pending, width), false));
        }
        return records;
    }

    static List<String> pad(List<String> cells, int width) {
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < width) {
            padded.add("");
        }
        return padded;
    }
}
