package cn.zhibiao.bulk;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.zhibiao.rules.Finding;

/** What the summary sheet says about one department: projects, indicators, measurable share, findings, vague values. */
final class Summary {

    /** How many of the most common unmeasurable values are listed. */
    static final int TOP_VAGUE = 10;

    final String department;
    long projects;
    long indicators;
    long measurable;
    final Map<String, Long> findingsByRule = new TreeMap<>();
    private final Map<String, Long> vague = new HashMap<>();

    Summary(String department) {
        this.department = department;
    }

    void add(DeclarationReport report) {
        projects++;
        for (DeclarationReport.Row row : report.rows()) {
            indicators++;
            if (row.measurable()) {
                measurable++;
            } else if (row.value() != null && !row.value().isBlank()) {
                vague.merge(row.value().strip(), 1L, Long::sum);
            }
            row.findings().forEach(this::count);
        }
        report.declarationFindings().forEach(this::count);
    }

    private void count(Finding f) {
        findingsByRule.merge(f.ruleId(), 1L, Long::sum);
    }

    double measurableShare() {
        return indicators == 0 ? 0 : (double) measurable / indicators;
    }

    /** The most common unmeasurable values, most frequent first (ties in text order, so the sheet is stable). */
    List<Map.Entry<String, Long>> topVague() {
        return vague.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_VAGUE)
                .toList();
    }
}
