package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * The 2021 财政项目支出绩效目标申报审核表: 中期 (PERIOD) and 年度 (ANNUAL) halves side by side in one table. Merged
 * cells shift columns from row to row, so a row is read by what its cells are (category labels or text) and where
 * the second half begins, not by fixed positions.
 */
final class ReviewFormLayout {

    private static final int MAX_LABEL_LENGTH = 14;

    private ReviewFormLayout() {
    }

    /**
     * True for a text export of the form, where the cells that merges covered were dropped: rows are shorter than
     * the header, or most rows slid left and leave the header's last columns empty. Word and Excel files keep their
     * grid and are read by {@link ProjectForms}.
     */
    static boolean isTextExport(List<Row> rows) {
        List<Row> table = rows.stream().filter(r -> !r.paragraph()).toList();
        int header = Labels.indexOfRow(table, 0, "一级指标", "三级指标");
        if (header < 0) {
            return false;
        }
        int width = table.get(header).cells().size();
        List<Row> data = table.subList(header + 1, table.size()).stream().filter(r -> !r.isBlank()).toList();
        long slid = data.stream().filter(r -> r.cell(width - 1).isBlank()).count();
        return data.stream().anyMatch(r -> r.cells().size() < width) || slid * 2 > data.size();
    }

    static Declaration parse(List<Row> rows, FormContext context, Warnings warnings) {
        String unit = Labels.value(rows, "项目实施单位").map(u -> u.split("\\s+")[0]).orElse(null);
        FormContext ctx = context
                .withDepartment(unit == null || FormContext.yearIn(unit) != null ? null : unit)
                .withYear(Labels.value(rows, "项目实施时间", "项目实施时").map(FormContext::yearIn).orElse(null));
        List<Row> table = rows.stream().filter(r -> !r.paragraph() || r.text().contains("：")).toList();
        String[] goals = goals(table);
        return new Declaration(context.source(), DeclarationKind.PROJECT, ctx.region(), ctx.department(), ctx.year(),
                Labels.value(rows, "项目名称").orElse(null), null,
                Labels.value(rows, "年度资金总额", "年度资金额").map(FormContext::wanYuan).orElse(null),
                Labels.value(rows, "中期资金总额").map(FormContext::wanYuan).orElse(null),
                goals[0], goals[1],
                Labels.value(rows, "项目概况").orElse(null),
                Labels.value(rows, "项目立项依据").orElse(null),
                indicators(table, warnings));
    }

    /** The row under "总体目标 | 中期目标 | 年度目标": cells left of the 年度目标 column are the period goal. */
    private static String[] goals(List<Row> table) {
        int header = Labels.indexOfRow(table, 0, "中期目标", "年度目标");
        if (header < 0 || header + 1 >= table.size()) {
            return new String[] {null, null};
        }
        List<String> head = table.get(header).cells().stream().map(TextNormaliser::squeeze).toList();
        int annualColumn = head.indexOf("年度目标");
        Row row = table.get(header + 1);
        StringBuilder period = new StringBuilder();
        StringBuilder annual = new StringBuilder();
        for (int i = 0; i < row.cells().size(); i++) {
            String cell = row.cell(i);
            if (!cell.isBlank()) {
                (i < annualColumn ? period : annual).append(cell.strip());
            }
        }
        return new String[] {FormContext.blankToNull(period.toString()), FormContext.blankToNull(annual.toString())};
    }

    private record Cell(int column, String text, boolean label) {
    }

    private static List<Indicator> indicators(List<Row> table, Warnings warnings) {
        int header = Labels.indexOfRow(table, 0, "一级指标", "三级指标");
        List<Indicator> result = new ArrayList<>();
        if (header < 0) {
            warnings.add(table.isEmpty() ? 0 : table.getFirst().line(), "未找到绩效指标表头（一级指标/三级指标）");
            return result;
        }
        List<String> head = table.get(header).cells().stream().map(TextNormaliser::squeeze).toList();
        int annualColumn = head.lastIndexOf("二级指标");
        String level1 = null;
        String periodLevel2 = null;
        String annualLevel2 = null;
        for (Row row : table.subList(header + 1, table.size())) {
            if (row.cells().stream().anyMatch(c -> c.contains("审核意见"))) {
                break;
            }
            List<Cell> cells = classify(row);
            if (cells.isEmpty()) {
                continue;
            }
            int firstText = indexOfText(cells, 0);
            List<Cell> leading = cells.subList(0, firstText < 0 ? cells.size() : firstText);
            if (leading.size() >= 2) {
                level1 = leading.get(0).text();
                periodLevel2 = leading.get(1).text();
                annualLevel2 = null;
            } else if (leading.size() == 1) {
                String label = leading.getFirst().text();
                if (isLevel1Only(label)) {
                    level1 = label;
                    periodLevel2 = null;
                } else {
                    periodLevel2 = label;
                    if (Taxonomy.level2(label).map(l2 -> l2 == Level2.SATISFACTION).orElse(false)) {
                        level1 = label;
                    }
                }
                annualLevel2 = null;
            }
            if (firstText < 0) {
                continue;
            }
            if (level1 != null && periodLevel2 != null && !fits(level1, periodLevel2)) {
                level1 = null;
            }
            List<Cell> rest = cells.subList(firstText, cells.size());
            int split = indexOfLabel(rest);
            if (leading.isEmpty() && split >= 0) {
                // A staircase row: the merged category cells slid right, past the 中期 texts.
                periodLevel2 = rest.get(split).text();
            }
            List<Cell> periodHalf;
            List<Cell> annualHalf;
            if (split >= 0) {
                annualLevel2 = rest.get(split).text();
                periodHalf = rest.subList(0, split);
                annualHalf = rest.subList(split + 1, rest.size()).stream().filter(c -> !c.label()).toList();
            } else {
                List<List<Cell>> halves = splitWithoutLabel(rest, annualColumn);
                periodHalf = halves.get(0);
                annualHalf = halves.get(1);
            }
            add(result, level1, periodLevel2, periodHalf, Scope.PERIOD, row, warnings);
            add(result, level1, annualLevel2 != null ? annualLevel2 : periodLevel2, annualHalf, Scope.ANNUAL, row,
                    warnings);
        }
        return result;
    }

    /**
     * Without a category label to mark the 年度 half, repeated text means the two halves say the same thing, and
     * otherwise the header's column of the second 二级指标 decides.
     */
    private static List<List<Cell>> splitWithoutLabel(List<Cell> texts, int annualColumn) {
        int n = texts.size();
        if (n == 2 && texts.get(0).text().equals(texts.get(1).text())
                || n == 3 && texts.get(0).text().equals(texts.get(2).text())) {
            return List.of(texts.subList(0, n - 1), texts.subList(n - 1, n));
        }
        if (n == 4) {
            return List.of(texts.subList(0, 2), texts.subList(2, 4));
        }
        List<Cell> period = new ArrayList<>();
        List<Cell> annual = new ArrayList<>();
        for (Cell cell : texts) {
            (annualColumn > 0 && cell.column() >= annualColumn && !period.isEmpty() ? annual : period).add(cell);
        }
        return List.of(period, annual);
    }

    private static void add(List<Indicator> result, String level1, String level2, List<Cell> half, Scope scope,
            Row row, Warnings warnings) {
        if (half.isEmpty()) {
            return;
        }
        String name = half.get(0).text();
        String value = half.size() > 1 ? half.getLast().text() : null;
        if (half.size() > 2) {
            warnings.add(row.line(), "指标“" + name + "”有多余的单元格未读取："
                    + String.join(" | ", half.subList(1, half.size() - 1).stream().map(Cell::text).toList()));
        }
        result.add(Indicator.of(level1, level2, name, value, scope));
    }

    private static List<Cell> classify(Row row) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String text = row.cell(i).strip();
            if (!text.isEmpty()) {
                cells.add(new Cell(i, text, isLabel(text)));
            }
        }
        return cells;
    }

    static boolean isLabel(String text) {
        String squeezed = TextNormaliser.squeeze(text);
        return squeezed.length() <= MAX_LABEL_LENGTH && !squeezed.matches(".*[0-9：:，,。].*")
                && Taxonomy.isCategoryLabel(squeezed);
    }

    private static boolean isLevel1Only(String label) {
        return Taxonomy.level2(label).isEmpty() && Taxonomy.level1(label).isPresent();
    }

    private static boolean fits(String level1, String level2) {
        Level1 l1 = Taxonomy.level1(level1).orElse(null);
        Level2 l2 = Taxonomy.level2(level2).orElse(null);
        return l1 == null || l2 == null || Taxonomy.belongsTo(l2, l1);
    }

    private static int indexOfText(List<Cell> cells, int from) {
        for (int i = from; i < cells.size(); i++) {
            if (!cells.get(i).label()) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfLabel(List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).label()) {
                return i;
            }
        }
        return -1;
    }
}
