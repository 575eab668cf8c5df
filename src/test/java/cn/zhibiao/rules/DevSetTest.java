package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;

/**
 * The checker measured like a linter against reviewers' labels of every seed indicator
 * (src/test/resources/rules/dev-labels.tsv): precision and recall of "flagged" (any ERROR or WARNING on the row).
 */
class DevSetTest {

    private static final Path LABELS = Path.of("src/test/resources/rules/dev-labels.tsv");
    private static final double MIN_PRECISION = 0.95;
    private static final double MIN_RECALL = 0.90;

    private static Map<String, Boolean> labels;
    private static Map<String, List<Finding>> findingsByRow;
    private static Map<String, String> describe;
    private static Map<String, Integer> hitsPerRule;

    @BeforeAll
    static void checkSeeds() throws IOException {
        labels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LABELS, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("key\t") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertThat(cols[1]).as("label of %s", cols[0]).isIn("flag", "ok");
            labels.put(cols[0], cols[1].equals("flag"));
        }
        RuleChecker checker = RuleChecker.defaults();
        findingsByRow = new LinkedHashMap<>();
        describe = new LinkedHashMap<>();
        hitsPerRule = new TreeMap<>();
        for (Map.Entry<String, List<Declaration>> seed : SeedDeclarations.load().entrySet()) {
            List<Declaration> declarations = seed.getValue();
            for (int d = 0; d < declarations.size(); d++) {
                Declaration declaration = declarations.get(d);
                for (int i = 0; i < declaration.indicators().size(); i++) {
                    String key = seed.getKey() + "/" + d + "/" + i;
                    findingsByRow.put(key, new ArrayList<>());
                    var row = declaration.indicators().get(i);
                    describe.put(key, declaration.projectName() + " | " + row.level2() + " | " + row.name() + " | " + row.value());
                }
                for (Finding f : checker.check(declaration)) {
                    hitsPerRule.merge(f.ruleId() + " " + f.severity(), 1, Integer::sum);
                    if (f.indicatorIndex() != null) {
                        findingsByRow.get(seed.getKey() + "/" + d + "/" + f.indicatorIndex()).add(f);
                    }
                }
            }
        }
    }

    @Test
    void labelsCoverEveryIndicatorOfTheSeeds() {
        assertThat(labels.keySet()).as("dev-labels.tsv must label every seed indicator and nothing else")
                .containsExactlyInAnyOrderElementsOf(findingsByRow.keySet());
    }

    @Test
    void flagsWhatReviewersFlagWithHighPrecisionAndRecall() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> row : findingsByRow.entrySet()) {
            boolean flagged = row.getValue().stream().anyMatch(f -> f.severity().isFlag());
            boolean expected = labels.getOrDefault(row.getKey(), false);
            if (flagged && expected) {
                tp++;
            } else if (flagged) {
                fp++;
                misses.add("FP " + row.getKey() + " " + describe.get(row.getKey()) + " <- "
                        + row.getValue().stream().map(Finding::ruleId).toList());
            } else if (expected) {
                fn++;
                misses.add("FN " + row.getKey() + " " + describe.get(row.getKey()));
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        System.out.printf("dev set: %d indicators, %d labelled flag; tp=%d fp=%d fn=%d precision=%.3f recall=%.3f%n",
                findingsByRow.size(), labels.values().stream().filter(b -> b).count(), tp, fp, fn, precision, recall);
        System.out.println("hits per rule (all findings, incl. INFO and declaration-level):");
        hitsPerRule.forEach((rule, n) -> System.out.printf("  %-40s %d%n", rule, n));
        misses.forEach(System.out::println);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }
}
