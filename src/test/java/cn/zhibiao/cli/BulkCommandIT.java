package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.HostileFiles;
import cn.zhibiao.corpus.Seeds;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar target/zhibiao.jar bulk …} as a user runs it, stdout and stderr redirected to files (so stderr is
 * no terminal): a summary JSON on stdout, progress as plain lines on stderr, the workbook and the JSON written.
 */
class BulkCommandIT {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void writesTheWorkbookAndPrintsASummaryWithTheUnreadableFile() throws Exception {
        Path forms = Files.createDirectories(work.resolve("旧表"));
        for (Path seed : Seeds.files()) {
            Files.copy(seed, forms.resolve(seed.getFileName()));
        }
        Path broken = work.resolve("损坏.docx");
        Files.write(broken, HostileFiles.truncatedDocx());
        int declarations = new FormImporter(Seeds.LIMIT).readAll(Seeds.files()).declarations().size();

        PackagedJar.Run run = new PackagedJar(work, work.resolve("data")).run(PATIENCE, "bulk", forms.toString(),
                broken.toString(), "--out", work.resolve("结果.xlsx").toString(), "--json",
                work.resolve("结果.json").toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(Cli.EXIT_UNREADABLE);
        JsonNode summary = Json.mapper().readTree(run.out());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("declarations").asInt()).isEqualTo(declarations);
        assertThat(summary.get("counts").get("done").asInt()).isEqualTo(declarations);
        assertThat(summary.get("skippedFiles")).hasSize(1);
        assertThat(summary.get("skippedFiles").get(0).get("file").asString()).isEqualTo("损坏.docx");
        assertThat(summary.get("skippedFiles").get(0).get("reason").asString()).contains("损坏");
        assertThat(run.err()).contains("100% 已处理 " + declarations + "/" + declarations).doesNotContain("\r");

        try (InputStream in = Files.newInputStream(work.resolve("结果.xlsx"));
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetName(0)).isEqualTo("汇总");
            assertThat(book.getNumberOfSheets()).isGreaterThan(1);
        }
        JsonNode report = Json.mapper().readTree(Files.readString(work.resolve("结果.json")));
        List<String> files = new ArrayList<>();
        report.get("reports").forEach(r -> files.add(r.get("file").asString()));
        assertThat(files).hasSize(declarations).allMatch(f -> f.startsWith("旧表/"));
    }

    @Test
    void explainsItsOptionsInChineseAndRefusesToRunWithoutAnOutput() throws Exception {
        PackagedJar jar = new PackagedJar(work, work.resolve("data"));

        PackagedJar.Run help = jar.run("bulk", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("用法：", "--out", "--improve", "批量检查旧申报表");

        PackagedJar.Run missing = jar.run("bulk", Seeds.files().getFirst().toString());
        assertThat(missing.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(missing.err()).contains("缺少参数").contains("--out");
    }
}
