package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.Json;

/** The packaged jar as users run it: {@code java -jar target/zhibiao.jar COMMAND}. */
class CommandLineIT {

    private static final Path JAR = Path.of("target/zhibiao.jar");

    record Run(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ZHIBIAO_DATA_DIR", dir.resolve("data").toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("command finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void parsePrintsDeclarationsWithoutStartingServerOrDatabase() throws Exception {
        Run run = run("parse", "corpus/declarations/raw/004_6c5a41dc90e5fafe.txt");
        assertThat(run.exit()).isZero();
        JsonNode declarations = Json.mapper().readTree(run.out());
        assertThat(declarations.size()).isEqualTo(23);
        assertThat(run.err()).contains("警告").doesNotContain("Netty", "PostgreSQL", "Started ZhibiaoApplication");
    }

    @Test
    void unreadableInputExitsWithTwoAndAOneLineChineseMessage() throws Exception {
        Path fake = Files.writeString(dir.resolve("预算表.xlsx"), "plain text");
        Run run = run("parse", fake.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("无法读取文件“预算表.xlsx”：不是有效的 Excel (.xlsx) 文件（文件已损坏或只是改了扩展名）");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void checkReportsFindingsPerDeclarationInInputOrder() throws Exception {
        Run run = run("check", "corpus/declarations/003_509232d1be82661b.json",
                "corpus/declarations/raw/004_6c5a41dc90e5fafe.txt");
        assertThat(run.exit()).isZero();
        JsonNode reports = Json.mapper().readTree(run.out());
        assertThat(reports.size()).isEqualTo(4 + 23);
        assertThat(reports.get(0).get("projectName").asString()).isEqualTo("城乡居民医疗保险区级财政补助资金");
        assertThat(reports.get(0).get("findings").toString()).doesNotContain("\"ERROR\"");
        assertThat(reports.get(4).get("findings").size()).isPositive();
    }

    @Test
    void similarBuildsTheIndexOnFirstUseAndFindsProjects() throws Exception {
        Run run = run("similar", "城乡居民养老保险财政补助", "--k", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = Json.mapper().readTree(run.out());
        assertThat(result.get("hits").size()).isBetween(1, 3);
        assertThat(result.get("hits").get(0).get("projectName").asString()).contains("养老");
        assertThat(Files.isDirectory(dir.resolve("data/index"))).isTrue();
        assertThat(Files.exists(dir.resolve("data/postgres"))).as("no database for commands").isFalse();
    }

    @Test
    void suggestProposesForEachProjectOfAForm() throws Exception {
        Run run = run("suggest", "corpus/declarations/raw/003_509232d1be82661b.txt");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode reports = Json.mapper().readTree(run.out());
        assertThat(reports.size()).isEqualTo(4);
        for (JsonNode report : reports) {
            assertThat(report.get("rows").size()).isGreaterThanOrEqualTo(6);
            assertThat(report.get("notices").toString()).contains("未配置大模型");
            // The only errors left are the numbers the brief does not state, left for the user to fill in.
            report.get("rows").forEach(r -> r.get("findings").forEach(f -> assertThat(
                    f.get("severity").asString().equals("ERROR") ? f.get("ruleId").asString() : "VALUE_TO_FILL")
                    .isEqualTo("VALUE_TO_FILL")));
        }
    }
}
