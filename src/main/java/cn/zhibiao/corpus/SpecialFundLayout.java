package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * The 2019 专项资金 layout: a 汇总表 (one row per 专项: name, 支出方向, amount, goals) and a 支出方向绩效目标表 (one row
 * per 支出方向, one column per 二级指标, no 三级 names). The two are joined on the 专项 name.
 */
final class SpecialFundLayout {

    private static final int SUMMARY_WIDTH = 6;

    private SpecialFundLayout() {
    }

    record SummaryRow(String name, String direction, String funds, String periodGoal, String annualGoal) {
    }

    /** Reads the 汇总表 rows, one per 专项. */
    static List<SummaryRow> summary(List<Row> rows, Warnings warnings) {
        List<SummaryRow> result = new ArrayList<>();
        boolean inTable = false;
        for (Row row : RowMerger.records(rows, SUMMARY_WIDTH, warnings, r -> r.cell(0).contains("序号")
                || r.cells().contains("专项支出名称"))) {
            if (!inTable) {
                inTable = true;
                continue;
            }
            if (row.isBlank()) {
                continue;
            }
            result.add(new SummaryRow(row.cell(1), row.cell(2), row.cell(3), row.cell(4), row.cell(5)));
        }
        return result;
    }

    static String headerDepartment(List<Row> rows) {
        for (Row row : rows) {
            if (!row.paragraph()) {
                break;
            }
            String text = row.text().replace("单位：万元", " ").replace("单位:万元", " ");
            if (text.contains("汇总表") || text.contains("绩效目标表")) {
                continue;
            }
            text = text.replaceFirst("^\\s*单位[：:]", "").strip();
            String first = text.split("\\s+")[0];
            if (!first.isBlank()) {
                return first;
            }
        }
        return null;
    }

    static List<Declaration> directions(List<Row> rows, List<SummaryRow> summary, FormContext context,
            Warnings warnings) {
        Map<String, SummaryRow> byName = new LinkedHashMap<>();
        summary.forEach(s -> byName.put(TextNormaliser.squeeze(s.name()), s));
        List<Row> tableRows = rows.stream().filter(r -> !r.paragraph()).toList();
        int header = indexOf(tableRows, "主管部门");
        if (header < 0) {
            return summaryOnly(summary, context);
        }
        // The second header row names the indicator columns (数量指标 … 满意度指标); the first groups them.
        Row groups = tableRows.get(header + 1);
        Row labels = tableRows.get(header + 2);
        int width = labels.cells().size();
        List<String> level1ByColumn = level1Columns(groups, labels);

        List<Declaration> declarations = new ArrayList<>();
        List<Row> data = tableRows.subList(header + 3, tableRows.size());
        for (Row record : RowMerger.records(data, width, warnings, r -> false)) {
            if (record.isBlank()) {
                continue;
            }
            List<String> cells = record.cells();
            SummaryRow match = byName.get(TextNormaliser.squeeze(cells.get(2)));
            String directionCell = cells.get(1);
            if (match == null && byName.containsKey(TextNormaliser.squeeze(cells.get(1)))) {
                match = byName.get(TextNormaliser.squeeze(cells.get(1)));
                directionCell = cells.get(2);
            }
            String name = match != null ? match.name() : cells.get(2);
            if (match == null) {
                warnings.add(record.line(), "支出方向表中的“" + name + "”在汇总表中找不到，已按支出方向表读取");
            } else {
                byName.remove(TextNormaliser.squeeze(match.name()));
            }
            List<Indicator> indicators = new ArrayList<>();
            for (int col = 7; col < width; col++) {
                String value = cells.get(col);
                if (value.isBlank()) {
                    continue;
                }
                indicators.add(Indicator.of(level1ByColumn.get(col), labels.cell(col), null, value, Scope.ANNUAL));
            }
            FormContext ctx = context.withYear(FormContext.yearIn(cells.get(3)));
            declarations.add(new Declaration(context.source(), DeclarationKind.PROJECT, ctx.region(), ctx.department(),
                    ctx.year(), name.strip(), match != null ? match.direction() : directionCell,
                    FormContext.wanYuan(match != null ? match.funds() : cells.get(4)), null,
                    firstNonBlank(match == null ? null : match.periodGoal(), cells.get(5)),
                    firstNonBlank(match == null ? null : match.annualGoal(), cells.get(6)),
                    null, null, indicators));
        }
        declarations.addAll(summaryOnly(List.copyOf(byName.values()), context));
        return declarations;
    }

    private static List<Declaration> summaryOnly(List<SummaryRow> summary, FormContext context) {
        return summary.stream()
                .map(s -> new Declaration(context.source(), DeclarationKind.PROJECT, context.region(),
                        context.department(), context.year(), s.name().strip(), s.direction(),
                        FormContext.wanYuan(s.funds()), null, FormContext.blankToNull(s.periodGoal()),
                        FormContext.blankToNull(s.annualGoal()), null, null, List.of()))
                .toList();
    }

    /** The group label (产出指标/效益指标) each indicator column stands under in the two-row header. */
    private static List<String> level1Columns(Row groups, Row labels) {
        List<String> result = new ArrayList<>();
        for (int col = 0; col < labels.cells().size(); col++) {
            Level2 level2 = Taxonomy.level2(labels.cell(col)).orElse(null);
            result.add(level2 == null ? null : groups.nonEmpty().stream()
                    .filter(g -> Taxonomy.level1(g).map(l1 -> Taxonomy.belongsTo(level2, l1)).orElse(false))
                    .findFirst()
                    .orElse(null));
        }
        return result;
    }

    private static int indexOf(List<Row> rows, String firstCell) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).cell(0).contains(firstCell)) {
                return i;
            }
        }
        return -1;
    }

    private static String firstNonBlank(String a, String b) {
        return FormContext.blankToNull(a) != null ? a.strip() : FormContext.blankToNull(b);
    }
}
