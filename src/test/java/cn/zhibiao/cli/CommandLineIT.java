package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.Json;

/** The packaged jar as users run it: {@code java -jar target/zhibiao.jar COMMAND}. */
class CommandLineIT {

    @TempDir
    Path dir;

    private PackagedJar.Run run(String... args) throws IOException, InterruptedException {
        return new PackagedJar(dir, dir.resolve("data")).run(args);
    }

    @Test
    void parsePrintsDeclarationsWithoutStartingServerOrDatabase() throws Exception {
        PackagedJar.Run run = run("parse", "corpus/declarations/raw/004_6c5a41dc90e5fafe.txt");
        assertThat(run.exit()).isZero();
        JsonNode declarations = Json.mapper().readTree(run.out());
        assertThat(declarations.size()).isEqualTo(23);
        assertThat(run.err()).contains("警告").doesNotContain("Netty", "PostgreSQL", "Started ZhibiaoApplication");
    }

    @Test
    void unreadableInputExitsWithTwoAndAOneLineChineseMessage() throws Exception {
        Path fake = Files.writeString(dir.resolve("预算表.xlsx"), "plain text");
        PackagedJar.Run run = run("parse", fake.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("无法读取文件“预算表.xlsx”：不是有效的 Excel (.xlsx) 文件（文件已损坏或只是改了扩展名）");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void checkReportsFindingsPerDeclarationInInputOrder() throws Exception {
        PackagedJar.Run run = run("check", "corpus/declarations/003_509232d1be82661b.json",
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
        PackagedJar.Run run = run("similar", "城乡居民养老保险财政补助", "--k", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = Json.mapper().readTree(run.out());
        assertThat(result.get("hits").size()).isBetween(1, 3);
        assertThat(result.get("hits").get(0).get("projectName").asString()).contains("养老");
        assertThat(Files.isDirectory(dir.resolve("data/index"))).isTrue();
        assertThat(Files.exists(dir.resolve("data/postgres"))).as("no database for commands").isFalse();
    }

    @Test
    void suggestProposesForEachProjectOfAForm() throws Exception {
        PackagedJar.Run run = run("suggest", "corpus/declarations/raw/003_509232d1be82661b.txt");
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

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpExitsZeroWithoutStartingServerOrDatabase(String flag) throws Exception {
        PackagedJar.Run run = run(flag);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("用法：", "命令：", "check", "serve");
        assertThat(run.err()).doesNotContain("未知命令", "Netty", "PostgreSQL", "Started ZhibiaoApplication");
        assertThat(Files.exists(dir.resolve("data/postgres"))).as("no database").isFalse();
    }

    /** Class loading, logged by the JVM itself, shows what {@code check} brings up: rules and readers, nothing else. */
    @Test
    void checkStartsNoSpringContextNoModelAndNoDatabase() throws Exception {
        PackagedJar.Run run = new PackagedJar(dir, dir.resolve("data"))
                .withJvmOption("-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log"))
                .run("check", "corpus/declarations/raw/001_127bfc3aaa3161d0.txt");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> classes = loadedClasses();
        assertThat(classes).as("the checker ran").anyMatch(line -> line.contains(" cn.zhibiao.rules.RuleChecker "));
        for (String forbidden : List.of(" org.springframework.context.", " org.springframework.boot.SpringApplication ",
                " ai.onnxruntime.", " dev.langchain4j.", " org.apache.lucene.", " io.zonky.", " org.postgresql.",
                " reactor.netty.")) {
            assertThat(classes).as(forbidden.strip()).noneMatch(line -> line.contains(forbidden));
        }
        assertThat(Files.exists(dir.resolve("data"))).as("no data directory").isFalse();
    }

    /**
     * The jar starts its application in a second JVM from an extracted copy with a class-data-sharing archive per
     * command (SharedClassesStart): the first run of a command leaves the archive, the next loads its classes from it
     * and prints the same report.
     */
    @Test
    void aCommandsSecondRunLoadsItsClassesFromTheArchiveTheFirstLeft() throws Exception {
        PackagedJar jar = new PackagedJar(dir, dir.resolve("data"))
                .withEnvironment("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .withJvmOption("-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log"));
        String form = "corpus/declarations/raw/001_127bfc3aaa3161d0.txt";
        PackagedJar.Run first = jar.run("check", form);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(loadedClasses()).as("first run").noneMatch(line -> line.contains(" cn.zhibiao.rules.RuleChecker source: shared"));
        deleteClassLogs();

        PackagedJar.Run second = jar.run("check", form);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEqualTo(first.err());
        assertThat(loadedClasses()).anyMatch(line -> line.contains(" cn.zhibiao.rules.RuleChecker source: shared objects file"));
    }

    @Test
    void theJarRunsInItsOwnJvmWhenClassDataSharingIsOff() throws Exception {
        PackagedJar.Run run = new PackagedJar(dir, dir.resolve("data"))
                .withEnvironment("ZHIBIAO_CLASS_DATA_SHARING", "false")
                .withEnvironment("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .withJvmOption("-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log"))
                .run("check", "corpus/declarations/raw/001_127bfc3aaa3161d0.txt");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Json.mapper().readTree(run.out()).size()).isPositive();
        try (Stream<Path> logs = Files.list(dir)) {
            assertThat(logs.filter(p -> p.getFileName().toString().startsWith("classes-"))).as("one JVM").hasSize(1);
        }
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    /** Every JVM's class-loading log (the jar may start a second one): the file name carries the process id. */
    private List<String> loadedClasses() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("classes-")).toList()) {
                lines.addAll(Files.readAllLines(log));
            }
        }
        return lines;
    }

    private void deleteClassLogs() throws IOException {
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("classes-")).toList()) {
                Files.delete(log);
            }
        }
    }

    @Test
    void commandsPrintNoJvmWarnings() throws Exception {
        PackagedJar.Run run = run("similar", "就业创业补贴", "--k", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("WARNING", "jdk.incubator.vector", "restricted method");
    }

    @Test
    void chatAnswersOneTurnAsJsonLinesAndUsesTheAnswerToItsQuestion() throws Exception {
        String draft = "src/test/resources/chat/draft.json";
        String history = dir.resolve("chat.jsonl").toString();
        PackagedJar.Run ask = run("chat", "--draft", draft, "--history", history, "补充一个时效指标");
        assertThat(ask.exit()).as(ask.err()).isZero();
        assertThat(ask.out()).contains("\"type\":\"intent\"", "\"type\":\"question\"", "\"fact\":\"DEADLINE\"");

        PackagedJar.Run answer = run("chat", "--draft", draft, "--history", history, "2024年10月底前");
        assertThat(answer.exit()).as(answer.err()).isZero();
        List<JsonNode> lines = answer.out().lines().map(l -> Json.mapper().readTree(l)).toList();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("type").asString()).isEqualTo("change");
            assertThat(l.get("row").get("level2").asString()).isEqualTo("时效指标");
        });
        assertThat(lines.getLast().get("type").asString()).isEqualTo("done");
    }
}
