package cn.zhibiao.bulk;

import java.util.List;

import cn.zhibiao.rules.Finding;

/**
 * One declaration as the job left it: every row with its findings and, for a flagged row, the proposed replacement;
 * the findings on the declaration as a whole; how the proposals were made. {@code file}/{@code index} are the item's
 * identity; {@code improved} is the declaration with each flagged row replaced (only with {@code --improve}).
 */
public record DeclarationReport(
        String file,
        int index,
        String department,
        String projectName,
        Integer year,
        List<Row> rows,
        List<Finding> declarationFindings,
        List<String> notices,
        cn.zhibiao.indicator.Declaration improved) {

    public DeclarationReport {
        rows = List.copyOf(rows);
        declarationFindings = List.copyOf(declarationFindings);
        notices = List.copyOf(notices);
    }

    /** A row as on the form, whether its value can be measured (no ERROR finding), and what to write instead. */
    public record Row(String level1, String level2, String name, String value, boolean measurable,
            List<Finding> findings, Replacement replacement) {

        public Row {
            findings = List.copyOf(findings);
        }

        public boolean flagged() {
            return findings.stream().anyMatch(f -> f.severity().isFlag());
        }
    }

    /** A proposed row for a flagged one: its wording, why, and what it was adapted from. */
    public record Replacement(String name, String value, String rationale, List<String> sources, String origin) {

        public Replacement {
            sources = List.copyOf(sources);
        }
    }
}
