package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhibiao.corpus.HeaderVocabulary.Role;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;

/**
 * Project declarations from the indicator tables of a document part (a sheet, or a whole Word/text/PDF document):
 * each table with the label fields around it (项目名称, 主管部门/实施单位, 资金, 中期/年度目标 …) is one form, and a
 * flat export's table is one form per project it names.
 */
final class ProjectForms {

    private static final HeaderVocabulary VOCABULARY = HeaderVocabulary.get();

    private ProjectForms() {
    }

    static List<Declaration> read(List<Row> rows, FormContext context, Warnings warnings) {
        List<IndicatorTable> tables = IndicatorTable.find(rows, warnings);
        List<Declaration> result = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < tables.size(); k++) {
            IndicatorTable table = tables.get(k);
            int next = k + 1 < tables.size() ? formStart(rows, table.end(), tables.get(k + 1).headerStart())
                    : rows.size();
            List<Row> fields = new ArrayList<>(rows.subList(start, table.headerStart()));
            fields.addAll(rows.subList(table.end(), next));
            for (IndicatorTable.Block block : table.read(rows, warnings)) {
                result.add(declaration(block, fields, context));
            }
            start = next;
        }
        return result;
    }

    /**
     * Where the next form begins between two tables: at its title or its 项目名称 row; without either, the rows in
     * between still belong to the form above (项目实施内容 below a table, say).
     */
    private static int formStart(List<Row> rows, int from, int header) {
        for (int i = from; i < header; i++) {
            Row row = rows.get(i);
            if (row.paragraph() && FormContext.yearIn(row.text()) != null || row.paragraph() && row.text().endsWith("表")
                    || row.cells().stream().anyMatch(c -> startsWithAny(c, VOCABULARY.field("projectName")))) {
                return i;
            }
        }
        return header;
    }

    private static Declaration declaration(IndicatorTable.Block block, List<Row> fields, FormContext context) {
        String department = first(block.fields().get(Role.DEPARTMENT), field(fields, "department"));
        Integer year = Optional.ofNullable(block.fields().get(Role.YEAR)).map(FormContext::yearIn)
                .or(() -> field(fields, "year").map(FormContext::yearIn))
                .or(() -> fields.stream().filter(Row::paragraph).map(r -> FormContext.yearIn(r.text()))
                        .filter(y -> y != null).findFirst())
                .orElse(null);
        FormContext ctx = context.withDepartment(department).withYear(year);
        return new Declaration(context.source(), DeclarationKind.PROJECT, ctx.region(), ctx.department(), ctx.year(),
                first(block.fields().get(Role.PROJECT), field(fields, "projectName")),
                field(fields, "direction").orElse(null),
                FormContext.wanYuan(first(block.fields().get(Role.FUNDS), field(fields, "funds"))),
                FormContext.wanYuan(first(block.fields().get(Role.PERIOD_FUNDS), field(fields, "periodFunds"))),
                field(fields, "periodGoal").orElse(null),
                field(fields, "annualGoal").orElse(null),
                field(fields, "overview").orElse(null),
                field(fields, "basis").orElse(null),
                block.indicators());
    }

    /**
     * A field's value: the next filled cell right of its label, or, when that cell is itself a label (总体目标 |
     * 中期目标 | 年度目标), the cell below the label.
     */
    static Optional<String> field(List<Row> rows, String name) {
        String[] labels = VOCABULARY.field(name).toArray(String[]::new);
        Optional<String> beside = Labels.value(rows, labels);
        if (beside.isPresent() && !VOCABULARY.isFieldLabel(beside.get())) {
            return beside;
        }
        return Labels.below(rows, labels);
    }

    private static String first(String a, Optional<String> b) {
        return a != null && !a.isBlank() ? a.strip() : b.orElse(null);
    }

    private static boolean startsWithAny(String cell, List<String> labels) {
        String key = HeaderVocabulary.key(cell);
        return labels.stream().anyMatch(key::startsWith);
    }
}
