package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

import cn.zhibiao.corpus.Seeds;

/**
 * Bulk checking in the panel: a .zip of the seed forms and one damaged file is uploaded, the job's progress bar
 * reaches 100 %, the damaged file is listed with its reason, and the downloaded workbook opens with a data sheet. A
 * job stopped from the panel continues to the end; a folder's forms (not its other files) make another job, which,
 * stopped, is abandoned.
 */
// One declaration per chunk on one thread, reported often: on an idle machine the seeds' job otherwise ends before a
// stop clicked after its first chunk can take effect.
@TestPropertySource(properties = {"zhibiao.bulk.chunk-size=1", "zhibiao.bulk.threads=1",
        "zhibiao.bulk.progress-interval=200ms"})
class BulkBrowserIT extends PanelBrowserTest {

    private static final String DAMAGED = "损坏的申报表.docx";

    private static Path zipOfSeedsAndOneDamagedFile() throws IOException {
        Path zip = Files.createTempDirectory("zhibiao-bulk").resolve("申报表.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path seed : Seeds.files()) {
                out.putNextEntry(new ZipEntry(seed.getFileName().toString()));
                Files.copy(seed, out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(DAMAGED));
            out.write("这不是一个 Word 文件".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    private Path downloaded(String suffix) {
        wait.until(d -> finished(suffix) != null);
        return finished(suffix);
    }

    /** A file the browser has finished writing (Chromium writes to a .crdownload file first). */
    private Path finished(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasHeaderAndRows(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        for (Row row : sheet) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
                if (row.getCell(c) != null && "项目名称".equals(text.formatCellValue(row.getCell(c)).strip())) {
                    return sheet.getLastRowNum() > row.getRowNum();
                }
            }
        }
        return false;
    }

    /** A folder of the seed forms and a note that is not a form. */
    private static Path folderOfSeedsAndANote() throws IOException {
        Path folder = Files.createDirectories(Files.createTempDirectory("zhibiao-bulk").resolve("旧申报表"));
        for (Path seed : Seeds.files()) {
            Files.copy(seed, folder.resolve(seed.getFileName()));
        }
        Files.writeString(folder.resolve("说明.md"), "整理说明");
        return folder;
    }

    private void startJob(String input, Path path, String chosen) {
        browser.get(baseUrl() + "/bulk.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(input))).sendKeys(path.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"), chosen));
        browser.findElement(By.id("start")).click();
    }

    private void startJob() throws IOException {
        startJob("bulk-files", zipOfSeedsAndOneDamagedFile(), "已选择 1 个文件");
    }

    private void waitForStatus(String status) {
        wait.until(ExpectedConditions.textToBe(By.id("job-status"), status));
    }

    /**
     * Stops the job once its first chunk is committed, in the middle of its declarations; 已停止 shows only once the
     * job's thread has finished the chunk or step it was in, so that 继续 works at once.
     */
    private void stopMidway() {
        wait.until(ExpectedConditions.textMatches(By.id("count-done"), Pattern.compile("[1-9]\\d*")));
        browser.findElement(By.id("stop")).click();
        waitForStatus("已停止");
    }

    private String count(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void uploadsAZipFollowsTheJobToTheEndAndDownloadsTheWorkbook() throws IOException {
        startJob();

        waitForStatus("已完成");
        assertThat(browser.findElement(By.id("job-progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("job-percent")).getText()).isEqualTo("100%");
        assertThat(Integer.parseInt(count("count-done"))).isPositive();
        assertThat(browser.findElement(By.cssSelector("#job-list tbody tr.selected")).getText())
                .contains("已完成").contains("100%");

        WebElement failures = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failures")));
        List<WebElement> rows = failures.findElements(By.cssSelector("#failure-list tbody tr"));
        assertThat(rows).hasSize(1);
        List<WebElement> cells = rows.getFirst().findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("申报表.zip/" + DAMAGED);
        assertThat(cells.get(1).getText()).contains("无法读取");

        browser.findElement(By.id("download-workbook")).click();
        Path workbook = downloaded(".xlsx");
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            assertThat(book.sheetIterator()).toIterable().anyMatch(BulkBrowserIT::hasHeaderAndRows);
        }
    }

    @Test
    void aStoppedJobContinuesToTheEndAndAFolderJobStoppedIsAbandoned() throws IOException {
        startJob();
        stopMidway();
        assertThat(browser.findElement(By.id("download-workbook")).isDisplayed()).isFalse();
        browser.findElement(By.id("restart")).click();
        waitForStatus("已完成");
        assertThat(browser.findElement(By.id("job-percent")).getText()).isEqualTo("100%");
        assertThat(count("count-done")).isEqualTo(count("count-read"));
        assertThat(count("count-failed")).isEqualTo("0");

        startJob("bulk-folder", folderOfSeedsAndANote(), "已选择 %d 个文件".formatted(Seeds.files().size()));
        assertThat(browser.findElement(By.id("chosen")).getText()).contains("另有 1 个不是申报表格式，不上传");
        stopMidway();
        assertThat(browser.findElement(By.id("job-title")).getText())
                .endsWith("%d 个文件".formatted(Seeds.files().size()));
        browser.findElement(By.id("abandon")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        waitForStatus("已放弃");
        assertThat(browser.findElement(By.id("restart")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("job-message")).getText()).isEqualTo("任务已放弃。");
    }
}
