package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

/**
 * The checker on real declarations it was not written against (src/test/resources/realworld, a copy of
 * shared/realworld): read as {@code check} reads them, checked with the default configuration, scored on the
 * independent {@code flag}/{@code ok} labels ({@code either} is not scored; flagged = an ERROR or WARNING on the row).
 * {@code score.py} computes the same figure from the packaged jar.
 */
class RealWorldDevSetTest {

    private static final Path DIR = Path.of("src/test/resources/realworld");
    private static final double MIN_PRECISION = 0.95;
    private static final double MIN_RECALL = 0.90;

    /** Row key "001.json/0/3" → the row's findings, in file order. */
    private static final Map<String, List<Finding>> findings = new LinkedHashMap<>();
    private static final Map<String, String> describe = new LinkedHashMap<>();

    @BeforeAll
    static void checkEveryDeclaration() throws IOException, InvalidDeclarationException {
        RuleChecker checker = RuleChecker.defaults();
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(f -> f.getFileName().toString().matches("\\d{3}\\.json")).sorted().toList();
        }
        for (Path file : files) {
            List<Declaration> declarations = DeclarationJson.read(Files.readAllBytes(file));
            for (int d = 0; d < declarations.size(); d++) {
                Declaration declaration = declarations.get(d);
                String prefix = file.getFileName() + "/" + d + "/";
                for (int i = 0; i < declaration.indicators().size(); i++) {
                    Indicator row = declaration.indicators().get(i);
                    findings.put(prefix + i, new ArrayList<>());
                    describe.put(prefix + i, row.level2Raw() + " | " + row.name() + " | " + row.value());
                }
                for (Finding f : checker.check(declaration)) {
                    if (f.indicatorIndex() != null) {
                        findings.get(prefix + f.indicatorIndex()).add(f);
                    }
                }
            }
        }
    }

    @Test
    void everyLabelPointsAtARowOfTheDevelopmentSet() throws IOException {
        assertThat(labels()).allSatisfy(label -> assertThat(findings).containsKey(key(label)));
    }

    @Test
    void flagsWhatAnIndependentReviewerFlagsWithHighPrecisionAndRecall() throws IOException {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode label : labels()) {
            String verdict = label.get("label").asString();
            if (verdict.equals("either")) {
                continue;
            }
            String key = key(label);
            List<Finding> row = findings.get(key);
            boolean flagged = row.stream().anyMatch(f -> f.severity().isFlag());
            boolean expected = verdict.equals("flag");
            if (flagged && expected) {
                tp++;
            } else if (flagged) {
                fp++;
                wrong.add("false alarm " + key + " " + describe.get(key) + " <- "
                        + row.stream().map(f -> f.ruleId() + " " + f.severity()).toList()
                        + " (label: " + label.get("reason").asString() + ")");
            } else if (expected) {
                fn++;
                wrong.add("missed " + key + " " + describe.get(key) + " (label: " + label.get("reason").asString() + ")");
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        System.out.printf("real-world dev set: precision %.3f recall %.3f (tp %d, false alarms %d, missed %d)%n",
                precision, recall, tp, fp, fn);
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    private static List<JsonNode> labels() throws IOException {
        return Json.mapper().readTree(Files.readAllBytes(DIR.resolve("labels.json"))).valueStream().toList();
    }

    private static String key(JsonNode label) {
        return label.get("file").asString() + "/" + label.get("decl").asInt() + "/" + label.get("ind").asInt();
    }
}
