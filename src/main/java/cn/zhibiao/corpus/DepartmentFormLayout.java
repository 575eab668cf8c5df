package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * The 部门整体支出绩效申报表: department name, budget, one goal text, and 产出/效益 cells that hold either free text
 * or numbered "指标1：名称：值" lines.
 */
final class DepartmentFormLayout {

    private static final Pattern NUMBERED = Pattern.compile("^指标\\s*\\d+\\s*[：:]\\s*(.*)$");

    private DepartmentFormLayout() {
    }

    static Declaration parse(List<Row> rows, FormContext context) {
        String department = Labels.value(rows, "部门名称").orElse(context.department());
        List<Row> table = rows.stream().filter(r -> !r.paragraph()).toList();
        int start = Labels.indexOfRow(table, 0, "部门整体支出年度绩效指标");
        List<Indicator> indicators = new ArrayList<>();
        for (int i = Math.max(start, 0); start >= 0 && i < table.size(); i++) {
            Row row = table.get(i);
            if (row.cells().stream().anyMatch(c -> c.contains("审核意见"))) {
                break;
            }
            List<String> cells = row.cells();
            for (int c = 0; c < cells.size(); c++) {
                String label = TextNormaliser.squeeze(cells.get(c));
                if (!label.endsWith("指标") || Taxonomy.level1(label).isEmpty()) {
                    continue;
                }
                String text = cells.subList(c + 1, cells.size()).stream().filter(s -> !s.isBlank()).findFirst()
                        .orElse("");
                indicators.addAll(split(label, text));
                break;
            }
        }
        return new Declaration(context.source(), DeclarationKind.DEPARTMENT, context.region(), department,
                context.year(), department + "部门整体支出", null,
                Labels.value(rows, "资金总额").map(FormContext::wanYuan).orElse(null), null, null,
                Labels.value(rows, "整体绩效目标").orElse(null), null, null, indicators);
    }

    private static List<Indicator> split(String level1, String text) {
        List<Indicator> result = new ArrayList<>();
        if (text.isBlank()) {
            return result;
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.stream().noneMatch(l -> NUMBERED.matcher(l).matches())) {
            result.add(Indicator.of(level1, null, null, text.strip(), Scope.ANNUAL));
            return result;
        }
        for (String line : lines) {
            Matcher m = NUMBERED.matcher(line);
            String body = m.matches() ? m.group(1) : line;
            int colon = Math.max(body.lastIndexOf('：'), body.lastIndexOf(':'));
            if (colon > 0 && colon < body.length() - 1) {
                result.add(Indicator.of(level1, null, body.substring(0, colon).strip(),
                        body.substring(colon + 1).strip(), Scope.ANNUAL));
            } else {
                result.add(Indicator.of(level1, null, null, body, Scope.ANNUAL));
            }
        }
        return result;
    }
}
