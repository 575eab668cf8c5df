package cn.zhibiao.corpus;

import java.util.List;
import java.util.Optional;

import cn.zhibiao.indicator.TextNormaliser;

/** Finds "label → value" pairs in form rows, where the value is the next filled cell or follows a colon. */
final class Labels {

    private Labels() {
    }

    /** The value of the first cell whose squeezed text starts with one of {@code labels}. */
    static Optional<String> value(List<Row> rows, String... labels) {
        for (Row row : rows) {
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                String key = TextNormaliser.squeeze(cells.get(i));
                for (String label : labels) {
                    if (!key.startsWith(label)) {
                        continue;
                    }
                    String inline = afterColon(cells.get(i), label);
                    if (inline != null) {
                        return Optional.of(inline);
                    }
                    for (int j = i + 1; j < cells.size(); j++) {
                        if (!cells.get(j).isBlank()) {
                            return Optional.of(cells.get(j).strip());
                        }
                    }
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** "项目概况：为更好…" carries its value in the same cell. */
    private static String afterColon(String cell, String label) {
        String text = cell.strip();
        int colon = Math.max(text.indexOf('：'), text.indexOf(':'));
        if (colon < 0 || !TextNormaliser.squeeze(text.substring(0, colon)).startsWith(label)) {
            return null;
        }
        String rest = text.substring(colon + 1).strip();
        return rest.isEmpty() ? null : rest;
    }

    /** The cell under the first label cell that has nothing beside it, as in a 中期目标 | 年度目标 header row. */
    static Optional<String> below(List<Row> rows, String... labels) {
        for (int r = 0; r + 1 < rows.size(); r++) {
            List<String> cells = rows.get(r).cells();
            for (int i = 0; i < cells.size(); i++) {
                String key = TextNormaliser.squeeze(cells.get(i));
                for (String label : labels) {
                    if (key.startsWith(label) && afterColon(cells.get(i), label) == null) {
                        String under = rows.get(r + 1).cell(i);
                        if (!under.isBlank()) {
                            return Optional.of(under.strip());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    static int indexOfRow(List<Row> rows, int from, String... mustContain) {
        for (int i = from; i < rows.size(); i++) {
            List<String> squeezed = rows.get(i).cells().stream().map(TextNormaliser::squeeze).toList();
            boolean all = true;
            for (String needle : mustContain) {
                all &= squeezed.stream().anyMatch(c -> c.contains(needle));
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }
}
