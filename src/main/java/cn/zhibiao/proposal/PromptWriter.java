package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhibiao.indicator.Indicator;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/**
 * Fills the propose prompt: the project as the user described it, its existing rows with what the checker says about
 * them, the similar past declarations' rows and the instruction examples (each under the id a row may cite), and the
 * rule summary. The ids offered are remembered: a row may cite nothing else.
 */
final class PromptWriter {

    /** The messages to send, and the source ids they offered. */
    record Request(List<ChatMessage> messages, Set<String> knownSources) {
    }

    /** Enough rows to show a past project's pattern without drowning the project in the prompt. */
    private static final int MAX_EXAMPLE_ROWS = 15;

    private final Prompts prompts;
    private final RowChecker checker;

    PromptWriter(Prompts prompts, RowChecker checker) {
        this.prompts = prompts;
        this.checker = checker;
    }

    Request write(ModelContext context) {
        ProjectBrief project = context.project();
        Set<String> known = new HashSet<>();
        StringBuilder examples = new StringBuilder();
        for (SimilarExample ex : context.precedents()) {
            known.add(ex.declarationId());
            var d = ex.declaration();
            examples.append("### [").append(ex.declarationId()).append("] ")
                    .append(Wording.cite(d.projectName(), d.region(), d.year()))
                    .append(d.fundsWanYuan() == null ? "" : "，资金" + plain(d.fundsWanYuan()) + "万元").append('\n');
            List<Indicator> rows = Candidates.annual(d.indicators()).stream().limit(MAX_EXAMPLE_ROWS).toList();
            // Past forms are full of unmeasurable values: the model is told which ones not to copy.
            examples.append(checkedRows(ProjectBrief.of(d, false), rows)).append('\n');
        }
        if (context.precedents().isEmpty()) {
            examples.append("（没有同一支出功能分类、足够相似的历史项目）\n");
        }
        if (!context.guidance().isEmpty()) {
            examples.append("### 编报说明示例\n");
            for (GuidanceExample g : context.guidance()) {
                known.add(g.id());
                examples.append("- [").append(g.id()).append("] ").append(g.level2() == null ? "" : g.level2().label())
                        .append(" | ").append(g.name()).append(" | ")
                        .append(g.annualValue() != null ? g.annualValue() : nullToEmpty(g.periodValue()))
                        .append("（").append(nullToEmpty(g.topic())).append("）\n");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("project", describe(project));
        values.put("facts", facts(context.facts()));
        values.put("sector", context.sector().sector());
        values.put("library", library(context.library()));
        values.put("existing", existing(project));
        values.put("examples", examples.toString().strip());
        values.put("rules", checker.catalogSummary());
        return new Request(List.of(SystemMessage.from(prompts.system().text()),
                UserMessage.from(prompts.propose().render(values))), known);
    }

    private static String facts(List<Fact> facts) {
        if (facts.isEmpty()) {
            return "（项目申报内容未写明具体数字）";
        }
        StringBuilder out = new StringBuilder();
        for (Fact f : facts) {
            out.append("- ").append(f.level2().label()).append(" | ").append(f.name()).append(" | ").append(f.value())
                    .append("（原文：").append(f.quote()).append("）\n");
        }
        return out.toString().strip();
    }

    private static String library(List<LibraryEntry> entries) {
        if (entries.isEmpty()) {
            return "（无）";
        }
        StringBuilder out = new StringBuilder();
        for (LibraryEntry e : entries) {
            out.append("- ").append(e.level2().label()).append(" | ").append(e.name()).append(" | ").append(e.pattern())
                    .append('\n');
        }
        return out.toString().strip();
    }

    private String existing(ProjectBrief project) {
        return project.indicators().isEmpty() ? "（无）" : checkedRows(project, project.indicators());
    }

    /** One line per row: category, name, value and what the checker says about it. */
    private String checkedRows(ProjectBrief project, List<Indicator> rows) {
        RowCheck check = checker.check(project, rows);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Indicator row = rows.get(i);
            out.append("- ").append(label(row)).append(" | ").append(nullToEmpty(Measurable.cleanName(row.name())))
                    .append(" | ").append(nullToEmpty(row.value()));
            List<ProposalFinding> findings = check.row(i);
            out.append(findings.isEmpty() ? " | 检查通过"
                    : " | 问题：" + String.join("；", findings.stream().map(ProposalFinding::message).toList()));
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static String describe(ProjectBrief p) {
        StringBuilder out = new StringBuilder();
        line(out, "项目名称", p.projectName());
        line(out, "主管部门", p.department());
        line(out, "地区", p.region());
        line(out, "年度", p.year() == null ? null : p.year() + "年");
        line(out, "项目资金", p.fundsWanYuan() == null ? null : plain(p.fundsWanYuan()) + "万元");
        line(out, "项目概况", p.overview());
        line(out, "年度绩效目标", p.annualGoal());
        line(out, "实施期绩效目标", p.periodGoal());
        return out.toString().strip();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append(label).append("：").append(value.strip()).append('\n');
        }
    }

    private static String label(Indicator i) {
        return (i.level1() == null ? nullToEmpty(i.level1Raw()) : i.level1().label()) + "/"
                + (i.level2() == null ? nullToEmpty(i.level2Raw()) : i.level2().label());
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
