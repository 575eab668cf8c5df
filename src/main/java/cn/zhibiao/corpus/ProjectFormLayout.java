package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * The 2023 项目资金绩效目标申报表: one form per project, label/value rows on top and a 一级/二级/指标内容/指标值 table
 * in which merged category cells come through as blanks to be filled from the row above.
 */
final class ProjectFormLayout {

    private ProjectFormLayout() {
    }

    static Declaration parse(List<Row> rows, FormContext context, Warnings warnings) {
        FormContext ctx = context
                .withDepartment(Labels.value(rows, "部门名称").orElse(null))
                .withYear(rows.stream().filter(Row::paragraph).map(r -> FormContext.yearIn(r.text()))
                        .filter(y -> y != null).findFirst().orElse(null));
        List<Row> table = rows.stream().filter(r -> !r.paragraph()).toList();
        int content = Labels.indexOfRow(table, 0, "项目实施内容");
        String overview = content >= 0 && content + 1 < table.size()
                ? FormContext.blankToNull(table.get(content + 1).nonEmpty().stream().findFirst().orElse(null))
                : null;
        return new Declaration(context.source(), DeclarationKind.PROJECT, ctx.region(), ctx.department(), ctx.year(),
                Labels.value(rows, "项目名称").orElse(null),
                null,
                Labels.value(rows, "资金总额").map(FormContext::wanYuan).orElse(null),
                null,
                Labels.value(rows, "项目长期绩效目标", "项目中长期绩效目标").orElse(null),
                Labels.value(rows, "项目年度绩效目标").orElse(null),
                overview,
                Labels.value(rows, "项目立项依据").orElse(null),
                indicators(table, warnings));
    }

    private static List<Indicator> indicators(List<Row> table, Warnings warnings) {
        int header = Labels.indexOfRow(table, 0, "一级指标", "指标值");
        List<Indicator> result = new ArrayList<>();
        if (header < 0) {
            return result;
        }
        List<String> head = table.get(header).cells().stream().map(TextNormaliser::squeeze).toList();
        int l1 = head.indexOf("一级指标");
        int l2 = head.indexOf("二级指标");
        int name = Math.max(head.indexOf("指标内容"), head.indexOf("三级指标"));
        int value = head.indexOf("指标值");
        int note = head.indexOf("备注");
        String level1 = null;
        String level2 = null;
        int end = header + 1;
        while (end < table.size() && !TextNormaliser.squeeze(table.get(end).cell(0)).startsWith("项目实施")) {
            end++;
        }
        List<Row> body = table.subList(header + 1, end);
        for (Row row : RowMerger.records(body, head.size(), warnings, r -> false)) {
            if (!row.cell(l1).isBlank()) {
                level1 = TextNormaliser.squeeze(row.cell(l1));
                level2 = null;
            }
            if (!row.cell(l2).isBlank()) {
                level2 = row.cell(l2).strip();
            }
            String indicatorName = FormContext.blankToNull(row.cell(name));
            String indicatorValue = FormContext.blankToNull(row.cell(value));
            if (note >= 0 && !row.cell(note).isBlank()) {
                warnings.add(row.line(), "备注“" + row.cell(note).strip() + "”未作为指标值读取");
            }
            if (indicatorName == null && indicatorValue == null) {
                continue;
            }
            result.add(Indicator.of(level1, level2, indicatorName, indicatorValue, Scope.ANNUAL));
        }
        return result;
    }
}
