package cn.zhibiao.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.Json;
import tools.jackson.core.JsonGenerator;

/**
 * Step {@code results}: the workbook and the JSON of all reports, written from the stored results (never from memory
 * of the run, which a restart does not have) into the job's directory. Each file is written aside and moved into
 * place, so a crash mid-write never leaves a partial file that looks finished.
 */
@Component
class ResultFiles {

    static final String WORKBOOK = "result.xlsx";
    static final String REPORT = "report.json";

    private final BulkStore store;
    private final RuleChecker checker;

    ResultFiles(BulkStore store, RuleChecker checker) {
        this.store = store;
        this.checker = checker;
    }

    void write(long job) throws IOException {
        Path dir = Path.of(store.job(job).orElseThrow().dir());
        Path workbookPart = dir.resolve(WORKBOOK + ".part");
        Path reportPart = dir.resolve(REPORT + ".part");
        List<BulkStore.FileRow> files = store.files(job);
        List<FailedDeclaration> failures = new ArrayList<>();
        try (Workbook workbook = new Workbook(checker.catalog());
                OutputStream json = Files.newOutputStream(reportPart);
                JsonGenerator out = Json.mapper().createGenerator(json)) {
            out.writeStartObject();
            out.writeName("files");
            out.writePOJO(files.stream().map(JobView.FileView::of).toList());
            out.writeName("reports");
            out.writeStartArray();
            store.eachItem(job, item -> {
                if (BulkStore.DONE.equals(item.status())) {
                    DeclarationReport report = Json.mapper().readValue(item.report(), DeclarationReport.class);
                    workbook.add(report);
                    out.writePOJO(report);
                } else {
                    failures.add(FailedDeclaration.of(item));
                }
            });
            out.writeEndArray();
            out.writeName("failures");
            out.writePOJO(failures);
            out.writeEndObject();
            workbook.finish(
                    files.stream().filter(f -> BulkStore.SKIPPED.equals(f.status()))
                            .map(f -> new String[] {f.name(), f.reason()}).toList(),
                    failures.stream().map(f -> new String[] {f.file() + " 第" + (f.index() + 1) + "份", f.reason()})
                            .toList());
            try (OutputStream xlsx = Files.newOutputStream(workbookPart)) {
                workbook.write(xlsx);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(reportPart, dir.resolve(REPORT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(workbookPart, dir.resolve(WORKBOOK), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
