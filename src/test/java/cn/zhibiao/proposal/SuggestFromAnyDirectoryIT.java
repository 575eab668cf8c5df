package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar run from a directory without the repository's corpus and prompts: the copies shipped in the jar
 * are used, so {@code suggest brief.json} answers the same as from the repository root, and the first run builds the
 * index in the data directory and says so.
 */
class SuggestFromAnyDirectoryIT {

    private static final Path JAR = Path.of("target/zhibiao.jar").toAbsolutePath();
    private static final Path BRIEF = Path.of("src/test/resources/proposal/brief.json").toAbsolutePath();

    record Run(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    private Run suggest(Path workingDir, Path dataDir) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + dataDir.getFileName() + ".txt");
        Path err = dir.resolve("err-" + dataDir.getFileName() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "suggest",
                BRIEF.toString())).directory(workingDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("ZHIBIAO_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("command finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void suggestFromATemporaryDirectoryEqualsTheRepositoryRoot() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        Run root = suggest(Path.of("").toAbsolutePath(), dir.resolve("data-root"));
        Run away = suggest(elsewhere, dir.resolve("data-away"));

        assertThat(root.exit()).as(root.err()).isZero();
        assertThat(away.exit()).as(away.err()).isZero();
        assertThat(away.err()).contains("正在从语料建立").containsPattern("已建立：[1-9]\\d* 份申报");
        JsonNode fromRoot = Json.mapper().readTree(root.out());
        JsonNode fromAway = Json.mapper().readTree(away.out());
        assertThat(fromAway).isEqualTo(fromRoot);
        JsonNode rows = fromAway.get(0).get("rows");
        assertThat(rows.toString()).contains("31250名", "26所", "5元/人/天", "2026年12月31日前");
        assertThat(fromAway.get(0).has("questions")).isTrue();
    }
}
