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
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
}
