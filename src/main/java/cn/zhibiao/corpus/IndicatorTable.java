package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhibiao.corpus.HeaderVocabulary.Heading;
import cn.zhibiao.corpus.HeaderVocabulary.Role;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * An indicator table found by its header row, whatever the form's title: each column is named by what its header
 * says ({@link HeaderVocabulary}), so 一级/二级/三级, 指标值, a target split into 指标性质 · 指标值 · 度量单位, 中期
 * and 年度 columns, and the project columns of flat exports are read wherever they stand. Vertically merged category
 * cells arrive blank (or repeated) and are carried down; every filled cell that fits no column is reported.
 */
record IndicatorTable(List<Column> columns, int headerStart, int dataStart, int end) {

    /** One column of the table: its role, and PERIOD/ANNUAL when the header says so (null: both). */
    record Column(int index, Role role, Scope scope, String header) {
    }

    /** A project's rows of a table: in a flat export, the rows that repeat its name. */
    record Block(Map<Role, String> fields, List<Indicator> indicators) {
    }

    private static final HeaderVocabulary VOCABULARY = HeaderVocabulary.get();

    /** Every indicator table in the rows, in order; a table ends at a footer, a field label or the next header. */
    static List<IndicatorTable> find(List<Row> rows, Warnings warnings) {
        List<IndicatorTable> tables = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Optional<IndicatorTable> table = at(rows, i, warnings);
            if (table.isEmpty()) {
                i++;
                continue;
            }
            tables.add(table.get());
            i = Math.max(table.get().end(), i + 1);
        }
        return tables;
    }

    private static Optional<IndicatorTable> at(List<Row> rows, int index, Warnings warnings) {
        Row row = rows.get(index);
        if (row.paragraph()) {
            return Optional.empty();
        }
        Map<Integer, Heading> headings = headings(row);
        if (!isHeader(headings)) {
            return Optional.empty();
        }
        int dataStart = index + 1;
        if (dataStart < rows.size() && !rows.get(dataStart).paragraph()) {
            Map<Integer, Heading> sub = headings(rows.get(dataStart));
            if (!sub.isEmpty() && sub.size() * 2 >= rows.get(dataStart).nonEmpty().size()) {
                Map<Integer, Heading> spans = new LinkedHashMap<>(headings);
                sub.forEach((column, heading) -> headings.put(column, heading.scope() != null ? heading
                        : new Heading(heading.role(), spanScope(row, spans, column))));
                dataStart++;
            }
        }
        List<Scope> groups = index > 0 ? groupScopes(rows.get(index - 1)) : List.of();
        List<Column> columns = columns(row, rows.get(dataStart - 1), headings, groups, warnings);
        int end = dataStart;
        while (end < rows.size() && !endsTable(rows.get(end), columns)) {
            end++;
        }
        return Optional.of(new IndicatorTable(columns, index, dataStart, end));
    }

    /** The scope of the header cell a sub-header stands under: "年度指标值" spanning 指标性质 · 指标值 · 度量单位. */
    private static Scope spanScope(Row header, Map<Integer, Heading> headings, int column) {
        for (int c = Math.min(column, header.cells().size() - 1); c >= 0; c--) {
            if (!header.cell(c).isBlank()) {
                return headings.containsKey(c) ? headings.get(c).scope() : null;
            }
        }
        return null;
    }

    private static boolean isHeader(Map<Integer, Heading> headings) {
        boolean name = headings.values().stream().anyMatch(h -> h.role() == Role.NAME);
        boolean target = headings.values().stream()
                .anyMatch(h -> h.role() == Role.VALUE || h.role() == Role.NATURE || h.role() == Role.UNIT);
        return name && target;
    }

    private static Map<Integer, Heading> headings(Row row) {
        Map<Integer, Heading> headings = new LinkedHashMap<>();
        for (int c = 0; c < row.cells().size(); c++) {
            int column = c;
            VOCABULARY.heading(row.cell(c)).ifPresent(h -> headings.put(column, h));
        }
        return headings;
    }

    /**
     * The scope each column stands under in a group row above the header ("中期指标 | 年度指标"), or none: a row
     * holding anything else (年度目标 and its text) is no group row, and neither is a lone 年度绩效目标 whose text
     * was left empty.
     */
    private static List<Scope> groupScopes(Row above) {
        if (above.paragraph() || above.isBlank() || isEmptyGoalField(above)) {
            return List.of();
        }
        List<Scope> scopes = new ArrayList<>();
        Scope current = null;
        for (String cell : above.cells()) {
            if (!cell.isBlank()) {
                current = VOCABULARY.groupScope(cell).orElse(null);
                if (current == null) {
                    return List.of();
                }
            }
            scopes.add(current);
        }
        return scopes;
    }

    private static boolean isEmptyGoalField(Row row) {
        List<String> filled = row.nonEmpty();
        return filled.size() == 1 && HeaderVocabulary.key(filled.getFirst()).endsWith("目标");
    }

    private static List<Column> columns(Row header, Row subHeader, Map<Integer, Heading> headings, List<Scope> groups,
            Warnings warnings) {
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<Integer, Heading> entry : headings.entrySet()) {
            int index = entry.getKey();
            Heading heading = entry.getValue();
            Scope scope = heading.scope() != null ? heading.scope()
                    : index < groups.size() ? groups.get(index) : null;
            String text = subHeader.cell(index).isBlank() ? header.cell(index) : subHeader.cell(index);
            boolean repeated = columns.stream().anyMatch(c -> c.role() == heading.role() && c.scope() == scope);
            if (repeated) {
                warnings.add(header.line(), "第" + (index + 1) + "列的表头“" + text.strip() + "”与前面的列重复，该列未读取");
                continue;
            }
            columns.add(new Column(index, heading.role(), scope, text.strip()));
        }
        return List.copyOf(columns);
    }

    /**
     * A footer, a title or note, the next header, or a form field label (项目实施保障措施) outside the indicator
     * columns ends the table; an indicator named like a field ("年度目标完成率") does not.
     */
    private static boolean endsTable(Row row, List<Column> columns) {
        int first = 0;
        while (first < row.cells().size() && row.cell(first).isBlank()) {
            first++;
        }
        if (first == row.cells().size()) {
            return false;
        }
        String text = row.cell(first);
        if (VOCABULARY.isFooter(text)) {
            return true;
        }
        if (row.paragraph()) {
            return !ReviewFormLayout.isLabel(text);
        }
        int column = first;
        boolean inIndicatorColumn = columns.stream().anyMatch(c -> c.index() == column && c.role() != Role.LEVEL1
                && c.role() != Role.LEVEL2);
        return !inIndicatorColumn && VOCABULARY.isFieldLabel(text) || isHeader(headings(row));
    }

    /**
     * Reads the table's rows into indicators, grouped by project when the table has a 项目名称 column (flat exports)
     * and as one block otherwise.
     */
    List<Block> read(List<Row> rows, Warnings warnings) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Map<Scope, String> level1 = new EnumMap<>(Scope.class);
        Map<Scope, String> level2 = new EnumMap<>(Scope.class);
        Row previous = null;
        String project = "";
        for (Row row : body(rows, warnings)) {
            if (row.isBlank()) {
                continue;
            }
            String rowProject = text(row, Role.PROJECT, null);
            if (!rowProject.isEmpty() && !rowProject.equals(project)) {
                project = rowProject;
                level1.clear();
                level2.clear();
            }
            Block block = blocks.computeIfAbsent(project, p -> new Block(new EnumMap<>(Role.class),
                    new ArrayList<>()));
            for (Role field : List.of(Role.PROJECT, Role.DEPARTMENT, Role.YEAR, Role.FUNDS, Role.PERIOD_FUNDS)) {
                String value = text(row, field, null);
                if (!value.isEmpty()) {
                    block.fields().putIfAbsent(field, value);
                }
            }
            boolean placed = carry(row, level1, level2);
            List<Scope> scopes = scopes();
            boolean anyValue = scopes.stream().anyMatch(s -> !value(row, s).isEmpty());
            for (Scope scope : scopes) {
                String name = text(row, Role.NAME, scope);
                String value = value(row, scope);
                boolean nameOnly = value.isEmpty() && !anyValue && scope == Scope.ANNUAL;
                if (name.isEmpty() && value.isEmpty() || value.isEmpty() && !nameOnly) {
                    continue;
                }
                placed = true;
                block.indicators().add(Indicator.of(pick(level1, scope), pick(level2, scope),
                        FormContext.blankToNull(name), FormContext.blankToNull(value), scope));
            }
            reportUnplaced(row, previous, placed, warnings);
            previous = row;
        }
        return List.copyOf(blocks.values());
    }

    /**
     * The table's rows. A text export sometimes breaks one table row into blank-line-separated pieces, which come
     * as rows shorter than the header; they are joined back ({@link RowMerger}).
     */
    private List<Row> body(List<Row> rows, Warnings warnings) {
        List<Row> body = rows.subList(dataStart, end);
        int width = rows.get(headerStart).cells().size();
        boolean broken = body.stream().anyMatch(r -> !r.paragraph() && !r.isBlank() && r.cells().size() < width);
        return broken ? RowMerger.records(body, width, warnings, r -> false) : body;
    }

    /** The scopes the table has targets for: 年度 always, 中期 only where a header says so. */
    private List<Scope> scopes() {
        boolean period = columns.stream().anyMatch(c -> c.scope() == Scope.PERIOD && c.role() == Role.VALUE);
        return period ? List.of(Scope.PERIOD, Scope.ANNUAL) : List.of(Scope.ANNUAL);
    }

    /** Sets the carried 一级/二级 from the row's category cells; true when the row held one. */
    private boolean carry(Row row, Map<Scope, String> level1, Map<Scope, String> level2) {
        boolean any = false;
        List<Column> categories = columns.stream().filter(c -> c.role() == Role.LEVEL1 || c.role() == Role.LEVEL2)
                .sorted(java.util.Comparator.comparing(Column::role)).toList();
        for (Column column : categories) {
            String text = row.cell(column.index()).strip();
            if (text.isEmpty()) {
                continue;
            }
            any = true;
            Scope key = column.scope() == null ? Scope.ANNUAL : column.scope();
            if (column.role() == Role.LEVEL1) {
                if (!text.equals(level1.get(key))) {
                    level2.remove(key);
                }
                level1.put(key, text);
            } else {
                level2.put(key, text);
            }
        }
        return any;
    }

    /** A scoped category if the table has one for that scope, else the table's only one. */
    private static String pick(Map<Scope, String> carried, Scope scope) {
        return carried.containsKey(scope) ? carried.get(scope) : carried.get(Scope.ANNUAL);
    }

    /** The target as one value: "≥" · "95" · "%" is "≥95%"; a 定性 target is its text. */
    private String value(Row row, Scope scope) {
        String value = text(row, Role.VALUE, scope);
        String nature = TextNormaliser.squeeze(text(row, Role.NATURE, scope));
        String unit = text(row, Role.UNIT, scope);
        if (value.isEmpty()) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        if (!nature.isEmpty() && !nature.contains("定性") && !nature.contains("定量")
                && !value.startsWith(nature)) {
            joined.append(nature);
        }
        joined.append(value);
        if (!unit.isEmpty() && !value.endsWith(unit) && !nature.contains("定性")) {
            joined.append(unit);
        }
        return joined.toString();
    }

    /**
     * The cell of the column with this role and scope. Names, categories, units and natures without a scope serve
     * both scopes; a value without one is the annual value only.
     */
    private String text(Row row, Role role, Scope scope) {
        Optional<Column> column = columns.stream().filter(c -> c.role() == role && c.scope() == scope).findFirst();
        if (column.isEmpty() && (role != Role.VALUE || scope != Scope.PERIOD)) {
            column = columns.stream().filter(c -> c.role() == role && c.scope() == null).findFirst();
        }
        if (column.isEmpty() && scope == null) {
            column = columns.stream().filter(c -> c.role() == role).findFirst();
        }
        return column.map(c -> row.cell(c.index()).strip()).orElse("");
    }

    /** Filled cells under no column are reported, unless they repeat the header or a merge above. */
    private void reportUnplaced(Row row, Row previous, boolean placed, Warnings warnings) {
        for (int c = 0; c < row.cells().size(); c++) {
            int index = c;
            String text = row.cell(c).strip();
            if (text.isEmpty() || columns.stream().anyMatch(col -> col.index() == index)) {
                continue;
            }
            if (previous != null && text.equals(previous.cell(c).strip()) || text.endsWith("指标")
                    || text.endsWith("目标")) {
                continue;
            }
            warnings.add(row.line(), location(row, c) + "的“" + text + "”不在可识别的列下，未读取");
        }
        if (!placed && !row.isBlank()) {
            warnings.add(row.line(), (row.sheet() == null ? "" : "工作表“" + row.sheet() + "”") + "这一行没有指标名称或指标值，未读取："
                    + String.join(" | ", row.nonEmpty()));
        }
    }

    static String location(Row row, int column) {
        return (row.sheet() == null ? "" : "工作表“" + row.sheet() + "”") + "第" + (column + 1) + "列";
    }
}
