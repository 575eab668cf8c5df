package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

import cn.zhibiao.draft.DraftFixtures;

/**
 * Real separate app processes (the packaged jar) on one PostgreSQL: two instances behave as one, and a process killed
 * with SIGKILL in the middle of a burst of saves loses no acknowledged save and leaves no half-written version.
 */
class InstancesIT {

    private static final String PROJECT = "青石镇古桥修缮与防汛加固工程";
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(5);
    private static final int ACKNOWLEDGED_BEFORE_KILL = 12;
    private static final int WRITERS = 3;

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String jdbcUrl(String database) {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return Json.mapper().readTree(result.getResponseBody());
    }

    @Test
    void anImportOnOneInstanceIsFoundBySimilarOnTheOtherWithinFiveSeconds() throws Exception {
        String url = jdbcUrl("two_instances");
        try (AppProcess first = new AppProcess(dir.resolve("first"), url).start();
                AppProcess second = new AppProcess(dir.resolve("second"), url).start()) {
            first.awaitUp();
            second.awaitUp();
            String form = Files.readString(Path.of("corpus/declarations/raw/003_509232d1be82661b.txt"))
                    .replace("城乡居民医疗保险区级财政补助资金", PROJECT);
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", new ByteArrayResource(form.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "古桥修缮.txt";
                }
            });
            first.client().post().uri("/api/import").body(BodyInserters.fromMultipartData(body.build())).exchange()
                    .expectStatus().isOk();
            Instant imported = Instant.now();

            boolean found = false;
            while (!found && Duration.between(imported, Instant.now()).compareTo(PROPAGATION_BOUND) < 0) {
                JsonNode hits = json(second.client().post().uri("/api/similar")
                        .bodyValue(Map.of("projectName", PROJECT)).exchange()
                        .expectStatus().isOk().expectBody().returnResult()).get("hits");
                for (JsonNode hit : hits) {
                    found |= hit.get("source").asString().endsWith("/古桥修缮.txt");
                }
                if (!found) {
                    Thread.sleep(200);
                }
            }
            assertThat(found).as("second instance finds the first's import within %s\n%s", PROPAGATION_BOUND,
                    second.logTail()).isTrue();
        }
    }

    @Test
    void killingTheAppMidBurstOfSavesKeepsEveryAcknowledgedSaveAndNoHalfVersion() throws Exception {
        String url = jdbcUrl("killed");
        Path data = dir.resolve("killed");
        Queue<Map.Entry<Integer, String>> acknowledged = new ConcurrentLinkedQueue<>();
        long id;
        int row;
        try (AppProcess app = new AppProcess(data, url).start()) {
            app.awaitUp();
            Map<String, Object> declaration = DraftFixtures.measurable("石鼓区医疗保障局");
            row = DraftFixtures.timelinessRow(declaration);
            id = json(app.client().post().uri("/api/drafts").bodyValue(declaration).exchange()
                    .expectStatus().isCreated().expectBody().returnResult()).get("id").asLong();

            AtomicInteger counter = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(Thread.ofPlatform().start(() -> burst(app.client(), id, declaration, row, counter,
                        acknowledged, enough)));
            }
            enough.await();
            app.kill();
            for (Thread writer : writers) {
                writer.join();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        try (AppProcess restarted = new AppProcess(data, url).start()) {
            restarted.awaitUp();
            JsonNode draft = json(restarted.client().get().uri("/api/drafts/" + id).exchange()
                    .expectStatus().isOk().expectBody().returnResult());
            JsonNode versions = json(restarted.client().get().uri("/api/drafts/" + id + "/versions").exchange()
                    .expectStatus().isOk().expectBody().returnResult());
            int head = draft.get("version").asInt();
            assertThat(versions.size()).isEqualTo(head);
            for (int v = 0; v < versions.size(); v++) {
                JsonNode version = versions.get(v);
                assertThat(version.get("version").asInt()).isEqualTo(v + 1);
                assertThat(version.get("declaration").get("indicators").size()).isPositive();
                assertThat(version.get("findings").isArray()).isTrue();
            }
            for (Map.Entry<Integer, String> ack : acknowledged) {
                assertThat(head).isGreaterThanOrEqualTo(ack.getKey());
                assertThat(versions.get(ack.getKey() - 1).get("declaration").get("indicators").get(row).get("value")
                        .asString()).as("acknowledged version %d", ack.getKey()).isEqualTo(ack.getValue());
            }
            JsonNode history = json(restarted.client().get().uri("/api/drafts/" + id + "/history").exchange()
                    .expectStatus().isOk().expectBody().returnResult());
            long saves = 0;
            for (JsonNode event : history) {
                saves += "SAVE".equals(event.get("action").asString()) ? 1 : 0;
            }
            assertThat(saves).isEqualTo(head - 1);
        }
    }

    /** Saves in a loop, following the current version after a 409, until the server stops answering. */
    private static void burst(WebTestClient client, long id, Map<String, Object> declaration, int row,
            AtomicInteger counter, Queue<Map.Entry<Integer, String>> acknowledged, CountDownLatch enough) {
        int version = 1;
        while (true) {
            String value = "第 " + counter.incrementAndGet() + " 次保存：2024年6月30日前";
            EntityExchangeResult<byte[]> result;
            try {
                result = client.put().uri("/api/drafts/" + id)
                        .bodyValue(Map.of("version", version, "declaration",
                                DraftFixtures.withValue(declaration, row, value)))
                        .exchange().expectBody().returnResult();
            } catch (RuntimeException | AssertionError serverGone) {
                return;
            }
            int status = result.getStatus().value();
            if (status == 200) {
                version = json(result).get("version").asInt();
                acknowledged.add(Map.entry(version, value));
                enough.countDown();
            } else if (status == 409) {
                version = json(result).get("current").get("version").asInt();
            } else {
                return;
            }
        }
    }
}
