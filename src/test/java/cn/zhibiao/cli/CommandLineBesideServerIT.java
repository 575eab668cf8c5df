package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.Json;
import cn.zhibiao.system.RunningApp;

/** The packaged jar's commands while the web app runs on the same data directory and holds its index. */
class CommandLineBesideServerIT extends RunningApp {

    @Value("${zhibiao.data-dir}")
    Path dataDir;

    @TempDir
    Path work;

    private PackagedJar.Run run(String... args) throws Exception {
        return new PackagedJar(work, dataDir).run(args);
    }

    @Test
    void similarSuggestAndCheckAnswerWhileTheServerRuns() throws Exception {
        PackagedJar.Run similar = run("similar", "城乡居民养老保险财政补助", "--k", "3");
        assertThat(similar.exit()).as(similar.err()).isZero();
        assertThat(similar.err()).contains("网页服务正在使用同一数据目录", "只读").doesNotContain("Exception", "lock");
        JsonNode hits = Json.mapper().readTree(similar.out()).get("hits");
        assertThat(hits.size()).isBetween(1, 3);
        assertThat(hits.get(0).get("projectName").asString()).contains("养老");

        PackagedJar.Run suggest = run("suggest", "corpus/declarations/raw/003_509232d1be82661b.txt");
        assertThat(suggest.exit()).as(suggest.err()).isZero();
        assertThat(suggest.err()).contains("只读");
        assertThat(Json.mapper().readTree(suggest.out()).size()).isEqualTo(4);

        PackagedJar.Run check = run("check", "corpus/declarations/raw/001_127bfc3aaa3161d0.txt");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(Json.mapper().readTree(check.out()).get(0).get("projectName").asString()).isEqualTo("深改小康经费");

        client().get().uri("/api/status").exchange().expectStatus().isOk();
    }

    @Test
    void indexRebuildIsRefusedInPlainWordsWhileTheServerRuns() throws Exception {
        PackagedJar.Run rebuild = run("index", "--rebuild");
        assertThat(rebuild.exit()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(rebuild.err()).contains("网页服务正在使用", "先停止服务").doesNotContain("Exception");
    }
}
