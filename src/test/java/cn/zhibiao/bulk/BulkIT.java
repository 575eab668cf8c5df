package cn.zhibiao.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.HostileFiles;
import cn.zhibiao.corpus.Seeds;
import cn.zhibiao.system.Json;
import cn.zhibiao.system.RunningApp;
import tools.jackson.databind.JsonNode;

/**
 * A bulk job over the seed files and a zip holding them plus three hostile files, through the API the panel uses:
 * every declaration is processed exactly once, each bad file is reported with its Chinese reason, and the workbook
 * opened back with POI carries highlighted values, comments and proposals.
 */
class BulkIT extends RunningApp {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final int LARGE = 64 * 1024 * 1024;
    private static final long POLL = 100;
    private static final int STACK_FRAMES = 6;
    private static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

    @Test
    void processesEveryDeclarationOnceAndReportsBadFilesWithReasons() throws Exception {
        List<Path> seeds = Seeds.files();
        int perCopy = new FormImporter(Seeds.LIMIT).readAll(seeds).declarations().size();
        Map<String, byte[]> zipped = new java.util.LinkedHashMap<>();
        for (Path seed : seeds) {
            zipped.put("旧表/" + seed.getFileName(), Files.readAllBytes(seed));
        }
        zipped.put("损坏.docx", HostileFiles.truncatedDocx());
        zipped.put("加密.xlsx", HostileFiles.encryptedXlsx());
        zipped.put("炸弹.xlsx", HostileFiles.zipBomb());
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        for (Path seed : seeds) {
            file(body, seed.getFileName().toString(), Files.readAllBytes(seed));
        }
        file(body, "历年申报.zip", zip(zipped));

        JsonNode created = Json.mapper().readTree(client().post().uri("/api/bulk/jobs")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        long id = created.get("id").asLong();
        JsonNode job = awaitFinished(id);

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("total").asInt()).isEqualTo(2 * perCopy);
        assertThat(job.get("counts").get("done").asInt() + job.get("counts").get("failed").asInt())
                .isEqualTo(2 * perCopy);
        assertThat(job.get("counts").get("skipped").asInt()).isEqualTo(3);
        Map<String, String> reasons = new java.util.HashMap<>();
        job.get("files").forEach(f -> {
            if (f.get("status").asString().equals("SKIPPED")) {
                reasons.put(f.get("name").asString(), f.get("reason").asString());
            }
        });
        assertThat(reasons).containsOnlyKeys("历年申报.zip/损坏.docx", "历年申报.zip/加密.xlsx", "历年申报.zip/炸弹.xlsx");
        assertThat(reasons.get("历年申报.zip/损坏.docx")).contains("损坏");
        assertThat(reasons.get("历年申报.zip/加密.xlsx")).contains("加密");
        assertThat(reasons.get("历年申报.zip/炸弹.xlsx")).contains("压缩炸弹");

        JsonNode report = Json.mapper().readTree(large().get().uri("/api/bulk/jobs/" + id + "/report").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        Set<String> items = new HashSet<>();
        report.get("reports").forEach(r -> assertThat(items.add(r.get("file").asString() + "#" + r.get("index").asInt()))
                .as("declaration reported twice").isTrue());
        report.get("failures").forEach(r -> assertThat(items.add(r.get("file").asString() + "#" + r.get("index").asInt()))
                .as("declaration reported twice").isTrue());
        assertThat(items).hasSize(2 * perCopy);

        byte[] xlsx = large().get().uri("/api/bulk/jobs/" + id + "/workbook").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("汇总");
            assertThat(((XSSFSheet) book.getSheetAt(0)).getDrawingPatriarch().getCharts()).hasSize(1);
            int flagged = 0;
            int commented = 0;
            int proposed = 0;
            int rows = 0;
            for (int s = 1; s < book.getNumberOfSheets(); s++) {
                Sheet sheet = book.getSheetAt(s);
                Row header = sheet.getRow(0);
                assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                        header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue(),
                        header.getCell(4).getStringCellValue()))
                        .containsExactly("项目名称", "一级指标", "二级指标", "三级指标", "指标值");
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    rows++;
                    Cell value = sheet.getRow(r).getCell(4);
                    CellStyle style = value.getCellStyle();
                    if (style.getFillPattern() == FillPatternType.SOLID_FOREGROUND) {
                        flagged++;
                        if (value.getCellComment() != null
                                && value.getCellComment().getString().getString().matches("(?s)[A-Z0-9_]+：.+")) {
                            commented++;
                        }
                        Cell proposal = sheet.getRow(r).getCell(7);
                        if (proposal != null && !proposal.getStringCellValue().isBlank()
                                && !sheet.getRow(r).getCell(8).getStringCellValue().isBlank()) {
                            proposed++;
                        }
                    }
                }
            }
            assertThat(rows).isPositive();
            assertThat(flagged).isPositive();
            assertThat(commented).isEqualTo(flagged);
            assertThat(proposed).isPositive();
        }
    }

    @Test
    void stopsAtAChunkBoundaryAndRestartsToTheEndWithoutRepeats() throws Exception {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        int copies = 5;
        for (int copy = 0; copy < copies; copy++) {
            for (Path seed : Seeds.files()) {
                file(body, "第" + copy + "批/" + seed.getFileName(), Files.readAllBytes(seed));
            }
        }
        int expected = copies * new FormImporter(Seeds.LIMIT).readAll(Seeds.files()).declarations().size();
        long id = Json.mapper().readTree(client().post().uri("/api/bulk/jobs")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).get("id").asLong();
        await(id, job -> job.get("counts").get("done").asInt() > 0);

        client().post().uri("/api/bulk/jobs/" + id + "/stop").exchange().expectStatus().isOk();
        JsonNode stopped = awaitFinished(id);
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.get("counts").get("done").asInt()).isLessThan(expected);
        client().get().uri("/api/bulk/jobs/" + id + "/workbook").exchange().expectStatus().isEqualTo(409);

        client().post().uri("/api/bulk/jobs/" + id + "/restart").exchange().expectStatus().isOk();
        JsonNode finished = awaitFinished(id);
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("counts").get("done").asInt() + finished.get("counts").get("failed").asInt())
                .isEqualTo(expected);
        JsonNode report = Json.mapper().readTree(large().get().uri("/api/bulk/jobs/" + id + "/report").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(report.get("reports").size() + report.get("failures").size()).isEqualTo(expected);

        client().post().uri("/api/bulk/jobs/" + id + "/abandon").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").isEqualTo("任务已完成，不能放弃");
    }

    @Test
    void streamsProgressEventsUntilOneDoneEvent() throws Exception {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        for (Path seed : Seeds.files()) {
            file(body, seed.getFileName().toString(), Files.readAllBytes(seed));
        }
        long id = Json.mapper().readTree(client().post().uri("/api/bulk/jobs")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).get("id").asLong();

        List<ServerSentEvent<String>> events = client().get().uri("/api/bulk/jobs/" + id + "/events")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody().collectList().block(PATIENCE);

        assertThat(events).isNotEmpty();
        assertThat(events.getLast().event()).isEqualTo("done");
        JsonNode last = Json.mapper().readTree(events.getLast().data());
        assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(last.get("counts").get("done").asInt()).isEqualTo(last.get("total").asInt());
        long previous = 0;
        for (ServerSentEvent<String> event : events.subList(0, events.size() - 1)) {
            assertThat(event.event()).isEqualTo("progress");
            long done = Json.mapper().readTree(event.data()).get("counts").get("done").asLong();
            assertThat(done).isGreaterThanOrEqualTo(previous);
            previous = done;
        }
    }

    @Test
    void improveAddsEachDeclarationWithItsFlaggedRowsReplacedAndTheRestKept() throws Exception {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        file(body, "旧表.txt", Files.readAllBytes(Seeds.files().getFirst()));
        body.part("improve", "true");
        long id = Json.mapper().readTree(client().post().uri("/api/bulk/jobs")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).get("id").asLong();
        assertThat(awaitFinished(id).get("improve").asBoolean()).isTrue();

        JsonNode report = Json.mapper().readTree(large().get().uri("/api/bulk/jobs/" + id + "/report").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        int replaced = 0;
        for (JsonNode declaration : report.get("reports")) {
            JsonNode rows = declaration.get("rows");
            JsonNode improved = declaration.get("improved").get("indicators");
            assertThat(improved.size()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode replacement = rows.get(i).get("replacement");
                String expected = replacement == null || replacement.isNull() ? rows.get(i).get("value").asString()
                        : replacement.get("value").asString();
                assertThat(improved.get(i).get("value").asString()).isEqualTo(expected);
                replaced += replacement == null || replacement.isNull() ? 0 : 1;
            }
        }
        assertThat(replaced).isPositive();
    }

    @Test
    void showsAJobOnlyToItsOwnDepartment() throws Exception {
        createUser("bulk-medical", "STAFF", "石鼓区医疗保障局");
        createUser("bulk-civil", "STAFF", "石鼓区民政局");
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        file(body, "旧表.txt", Files.readAllBytes(Seeds.files().getFirst()));
        JsonNode created = Json.mapper().readTree(clientAs("bulk-medical", passwordOf("bulk-medical")).post()
                .uri("/api/bulk/jobs").body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        long id = created.get("id").asLong();
        assertThat(created.get("department").asString()).isEqualTo("石鼓区医疗保障局");

        var other = clientAs("bulk-civil", passwordOf("bulk-civil"));
        other.get().uri("/api/bulk/jobs/" + id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("批量任务不存在");
        other.get().uri("/api/bulk/jobs/" + id + "/workbook").exchange().expectStatus().isNotFound();
        other.post().uri("/api/bulk/jobs/" + id + "/abandon").exchange().expectStatus().isNotFound();
        other.get().uri("/api/bulk/jobs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == " + id + ")]").doesNotExist();
        clientAs("bulk-medical", passwordOf("bulk-medical")).get().uri("/api/bulk/jobs").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.id == " + id + ")]").exists();
        awaitFinished(id);
    }

    /** The report and workbook of a job are larger than a client buffers by default. */
    private org.springframework.test.web.reactive.server.WebTestClient large() {
        return client().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(LARGE)).build();
    }

    private JsonNode awaitFinished(long id) throws InterruptedException {
        return await(id, job -> !RUNNING.contains(job.get("status").asString()));
    }

    private JsonNode await(long id, java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = Json.mapper().readTree(client().get().uri("/api/bulk/jobs/" + id).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            if (condition.test(job)) {
                return job;
            }
            if (!RUNNING.contains(job.get("status").asString())) {
                throw new AssertionError("批量任务已结束，但未达到预期状态：" + job);
            }
            last = job;
            Thread.sleep(POLL);
        }
        throw new AssertionError("批量任务未在 " + PATIENCE + " 内达到预期状态：" + last + bulkThreads());
    }

    /**
     * Where the job's threads are (the app runs in this JVM), on the failure's one line: a job that never moves says
     * why where CI's summary shows it.
     */
    private static String bulkThreads() {
        StringBuilder dump = new StringBuilder("；线程：");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("bulk-")) {
                dump.append(" [").append(thread.getName()).append(' ').append(thread.getState());
                for (int i = 0; i < Math.min(STACK_FRAMES, stack.length); i++) {
                    dump.append(" < ").append(stack[i]);
                }
                dump.append(']');
            }
        });
        return dump.toString();
    }

    static void file(MultipartBodyBuilder body, String name, byte[] content) {
        body.part("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
