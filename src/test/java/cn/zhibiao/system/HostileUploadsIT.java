package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import cn.zhibiao.corpus.HostileFiles;
import tools.jackson.databind.JsonNode;

/**
 * Hostile files uploaded over HTTP to the packaged application in its own process, whose heap is capped under 1 GB
 * and which exits on an OutOfMemoryError ({@link AppProcess}): each is refused with one line of Chinese naming the
 * file and the reason, the process survives, and it keeps answering while four of them are read at once. Times are
 * printed for BENCHMARKS.md, not asserted.
 */
class HostileUploadsIT {

    record Upload(String name, byte[] content, String reason) {
    }

    record Answer(int status, String message, long millis) {
    }

    @TempDir
    Path dir;

    @Test
    void refusesHostileUploadsInChineseWithoutExhaustingTheHeapAndKeepsAnswering() throws Exception {
        List<Upload> uploads = List.of(
                new Upload("炸弹.xlsx", HostileFiles.zipBomb(), "压缩炸弹"),
                new Upload("元素炸弹.docx", HostileFiles.domBombDocx(), "压缩炸弹"),
                new Upload("宽表.xlsx", HostileFiles.wideWorkbook(), "超过 256 列"),
                new Upload("百万行.xlsx", HostileFiles.millionRowWorkbook(), "超过 20000 行"),
                new Upload("长行.txt", HostileFiles.longLineText(), "超过 20000 个字符"),
                new Upload("外部实体.docx", HostileFiles.externalEntityDocx(), "DOCTYPE"),
                new Upload("加密.docx", HostileFiles.encryptedDocx(), "已加密"),
                new Upload("截断.xlsx", HostileFiles.truncatedXlsx(), "不完整或已损坏"));
        try (AppProcess app = new AppProcess(dir.resolve("app"), null).start().awaitUp()) {
            for (Upload upload : uploads) {
                assertRefused(upload, upload(app, upload));
            }

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Answer>> inFlight = new ArrayList<>();
                for (Upload upload : uploads.subList(0, 4)) {
                    inFlight.add(pool.submit(() -> upload(app, upload)));
                }
                long start = System.nanoTime();
                app.client().get().uri("/api/status").exchange().expectStatus().isOk();
                System.out.printf("[hostile uploads] /api/status with four hostile uploads in flight: %d ms%n",
                        (System.nanoTime() - start) / 1_000_000);
                for (int i = 0; i < inFlight.size(); i++) {
                    assertRefused(uploads.get(i), inFlight.get(i).get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(app.alive()).as("the application outlived the uploads within its heap:\n%s", app.logTail())
                    .isTrue();
        }
    }

    private static Answer upload(AppProcess app, Upload upload) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(upload.content()) {
            @Override
            public String getFilename() {
                return upload.name();
            }
        });
        long start = System.nanoTime();
        var result = app.client().post().uri("/api/import").body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectBody(JsonNode.class).returnResult();
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode json = result.getResponseBody();
        Answer answer = new Answer(result.getStatus().value(), json == null ? "" : json.path("message").asString(),
                millis);
        System.out.printf("[hostile uploads] %s (%d KB): %d in %d ms — %s%n", upload.name(),
                upload.content().length / 1024, answer.status(), answer.millis(), answer.message());
        return answer;
    }

    private static void assertRefused(Upload upload, Answer answer) {
        assertThat(answer.status()).as(upload.name()).isEqualTo(400);
        assertThat(answer.message()).as(upload.name()).contains(upload.name()).contains(upload.reason())
                .doesNotContain("\n", "Exception", "java.");
    }
}
