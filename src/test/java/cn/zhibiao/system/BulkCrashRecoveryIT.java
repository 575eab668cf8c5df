package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import cn.zhibiao.bulk.SyntheticForms;
import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.Seeds;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar as a real process runs a big bulk job, is killed with SIGKILL mid-job and started again: the job
 * is shown as interrupted, continues after the restart request from its last committed chunk, and finishes with every
 * declaration in the output exactly once.
 */
class BulkCrashRecoveryIT {

    private static final int DECLARATIONS = 1000;
    private static final int PER_FILE = 50;
    /** Killed once this many declarations are committed: mid-job, several chunks in. */
    private static final int KILL_AFTER = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(25);
    private static final int LARGE = 64 * 1024 * 1024;

    @Test
    void resumesAfterKillMinusNineWithEveryDeclarationOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("zhibiao-bulk-crash-");
        List<Path> forms = SyntheticForms.write(dataDir.resolve("forms"), DECLARATIONS, PER_FILE, 14);
        int expected = new FormImporter(Seeds.LIMIT).readAll(forms).declarations().size();
        long id;
        long doneBeforeKill;
        try (AppProcess first = new AppProcess(dataDir.resolve("app"), null).start().awaitUp()) {
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            forms.forEach(f -> body.part("files", new FileSystemResource(f)));
            id = json(first.client().post().uri("/api/bulk/jobs").body(BodyInserters.fromMultipartData(body.build()))
                    .exchange().expectStatus().isCreated()).get("id").asLong();
            JsonNode running = await(first.client(), id, job -> job.get("counts").get("done").asInt() >= KILL_AFTER);
            assertThat(running.get("status").asString()).as("killed mid-job").isEqualTo("STARTED");
            first.kill();
        }
        try (AppProcess second = new AppProcess(dataDir.resolve("app"), null).start().awaitUp()) {
            JsonNode interrupted = json(second.client().get().uri("/api/bulk/jobs/" + id).exchange()
                    .expectStatus().isOk());
            assertThat(interrupted.get("status").asString()).isEqualTo("FAILED");
            doneBeforeKill = interrupted.get("counts").get("done").asLong();
            assertThat(doneBeforeKill).isBetween((long) KILL_AFTER, (long) expected - 1);

            json(second.client().post().uri("/api/bulk/jobs/" + id + "/restart").exchange().expectStatus().isOk());
            JsonNode finished = await(second.client(), id, job -> !List.of("STARTING", "STARTED", "STOPPING")
                    .contains(job.get("status").asString()));
            assertThat(finished.get("status").asString()).as(second.logTail()).isEqualTo("COMPLETED");
            assertThat(finished.get("total").asInt()).isEqualTo(expected);
            assertThat(finished.get("counts").get("done").asInt() + finished.get("counts").get("failed").asInt())
                    .isEqualTo(expected);

            WebTestClient large = second.client().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(LARGE))
                    .build();
            JsonNode report = json(large.get().uri("/api/bulk/jobs/" + id + "/report").exchange().expectStatus().isOk());
            Set<String> items = new HashSet<>();
            int indicators = 0;
            for (JsonNode r : report.get("reports")) {
                assertThat(items.add(r.get("file").asString() + "#" + r.get("index").asInt()))
                        .as("declaration in the output twice").isTrue();
                indicators += r.get("rows").size();
            }
            for (JsonNode r : report.get("failures")) {
                assertThat(items.add(r.get("file").asString() + "#" + r.get("index").asInt()))
                        .as("declaration in the output twice").isTrue();
            }
            assertThat(items).hasSize(expected);

            byte[] xlsx = large.get().uri("/api/bulk/jobs/" + id + "/workbook").exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                int rows = 0;
                for (int s = 1; s < book.getNumberOfSheets(); s++) {
                    Sheet sheet = book.getSheetAt(s);
                    rows += sheet.getLastRowNum();
                }
                assertThat(rows).as("one workbook row per indicator of each declaration").isEqualTo(indicators);
            }
        }
    }

    private static JsonNode await(WebTestClient client, long id, Predicate<JsonNode> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = json(client.get().uri("/api/bulk/jobs/" + id).exchange().expectStatus().isOk());
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("批量任务未在 " + PATIENCE + " 内达到预期状态");
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        return Json.mapper().readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }
}
