package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.DeclarationJson;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

class CheckCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(CommandSettings.load()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checksCanonicalJsonAndLegacyFormsInInputOrder() {
        int exit = run("check", "corpus/declarations/003_509232d1be82661b.json", "corpus/declarations/raw/001_127bfc3aaa3161d0.txt");
        assertThat(exit).isZero();
        JsonNode reports = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(reports.size()).isEqualTo(4 + 7);
        assertThat(reports.get(0).get("projectName").asString()).isEqualTo("城乡居民医疗保险区级财政补助资金");
        assertThat(reports.get(4).get("projectName").asString()).isEqualTo("深改小康经费");
        assertThat(reports.get(4).get("findings").findValuesAsString("ruleId")).contains("QUANTITY_NO_NUMBER");
    }

    @Test
    void streamsTheSameJsonAsTheWholeListPrintedAtOnce() throws Exception {
        Path form = Path.of("corpus/declarations/raw/001_127bfc3aaa3161d0.txt");
        Path json = Path.of("corpus/declarations/003_509232d1be82661b.json");
        assertThat(run("check", form.toString(), json.toString())).isZero();

        RuleChecker checker = RuleChecker.defaults();
        List<Declaration> declarations = new ArrayList<>(new FormImporter(Long.MAX_VALUE).read(form).declarations());
        declarations.addAll(DeclarationJson.read(Files.readAllBytes(json)));
        List<CheckCommand.Report> expected = declarations.stream()
                .map(d -> new CheckCommand.Report(d.source() != null ? d.source() : json.getFileName().toString(),
                        d.projectName(), checker.check(d)))
                .toList();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(Json.mapper().writeValueAsString(expected) + System.lineSeparator());
    }

    @Test
    void computesParsedValuesWhenTheJsonHasNone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("draft.json");
        Files.writeString(file, """
                {"projectName": "草稿", "indicators": [
                  {"level2": "服务对象满意度指标", "name": "参会嘉宾满意度", "value": "1000%", "comment": "ignored"}]}
                """);
        assertThat(run("check", file.toString())).isZero();
        JsonNode finding = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get(0).get("findings").get(0);
        assertThat(finding.get("ruleId").asString()).isEqualTo("SATISFACTION_OVER_100");
        assertThat(finding.get("severity").asString()).isEqualTo("ERROR");
    }

    @Test
    void exitsWith2AndNamesTheFileAndFieldForBadJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"projectName\": \"x\", \"indicators\": \"不是数组\"}");
        assertThat(run("check", file.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.json").contains("indicators").contains("应为数组")
                .doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void exitsWith2ForAMissingFile() {
        assertThat(run("check", "no/such/file.json")).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("file.json").contains("文件不存在");
    }
}
