package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken files, generated here: each is refused with one line of Chinese that says why, and without a
 * crash. Time and peak heap are printed for BENCHMARKS.md, not asserted.
 */
class HostileFilesTest {

    private static final List<String> FIGURES = new ArrayList<>();
    private final FormImporter importer = new FormImporter(Seeds.LIMITS);

    @Test
    void refusesAnEncryptedWordDocument() throws Exception {
        assertRefused("加密.docx", HostileFiles.encryptedDocx(), "已加密");
    }

    @Test
    void refusesAnEncryptedBinaryWorkbook() throws Exception {
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        byte[] bytes;
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("表").createRow(0).createCell(0).setCellValue("项目名称");
            wb.write(out);
            bytes = out.toByteArray();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertRefused("加密.xls", bytes, "已加密");
    }

    @Test
    void refusesAnEncryptedPdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            doc.save(out);
            assertRefused("加密.pdf", out.toByteArray(), "已加密");
        }
    }

    @Test
    void refusesATruncatedWorkbook() throws Exception {
        assertRefused("截断.xlsx", HostileFiles.truncatedXlsx(), "不完整或已损坏");
    }

    @Test
    void refusesAZipBombByItsInflateRatio() throws Exception {
        assertRefused("炸弹.xlsx", HostileFiles.zipBomb(), "压缩炸弹");
    }

    @Test
    void refusesAPackageWithTooManyEntries() throws Exception {
        List<String> names = new ArrayList<>(List.of("[Content_Types].xml", "word/document.xml"));
        for (int i = 0; i < 3000; i++) {
            names.add("word/media/image" + i + ".png");
        }
        assertRefused("条目.docx", HostileFiles.zip(names, name -> new byte[] {1}), "超过 2000 个");
    }

    @Test
    void refusesAPackageThatUnpacksBeyondTheLimit() throws Exception {
        ImportLimits small = new ImportLimits(Seeds.LIMITS.maxFileBytes(), 1024 * 1024, 2000, 0.01, 20000, 256,
                500000, 20000);
        byte[] text = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(text);
        byte[] file = HostileFiles.zip(List.of("[Content_Types].xml", "word/document.xml"), name -> text);
        String reason = refusal(new FormImporter(small), "大包.docx", file);
        assertThat(reason).contains("解压后超过");
    }

    @Test
    void refusesAWordDocumentWithAnExternalEntity() throws Exception {
        byte[] docx = HostileFiles.externalEntityDocx();
        String reason = assertRefused("外部实体.docx", docx, "DOCTYPE");
        assertThat(reason).doesNotContain("root:");
    }

    @Test
    void refusesAnEntityExpansionBomb() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        byte[] docx = HostileFiles.withDocumentXml(("<?xml version=\"1.0\"?><!DOCTYPE w:document [" + entities + "]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                + "<w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
        assertRefused("实体炸弹.docx", docx, "DOCTYPE");
    }

    @Test
    void refusesADomBombOfMillionsOfElements() throws Exception {
        assertRefused("元素炸弹.docx", HostileFiles.domBombDocx(), "压缩炸弹");
    }

    @Test
    void refusesAWorkbookWithACellInColumnXfd() throws Exception {
        assertRefused("宽表.xlsx", HostileFiles.wideWorkbook(), "超过 256 列");
    }

    @Test
    void refusesASheetThatDeclaresAMillionRows() throws Exception {
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<dimension ref=\"A1:A1048576\"/><sheetData/></worksheet>";
        assertRefused("声明百万行.xlsx", HostileFiles.workbook(sheet.getBytes(StandardCharsets.UTF_8)), "超过 20000 行");
    }

    @Test
    void refusesASheetWithAMillionRowsWhileStreamingIt() throws Exception {
        assertRefused("百万行.xlsx", HostileFiles.millionRowWorkbook(), "超过 20000 行");
    }

    @Test
    void refusesATextLineOf150000Spaces() throws Exception {
        assertRefused("长行.txt", HostileFiles.longLineText(), "超过 20000 个字符");
    }

    @Test
    void trimsALongRunOfSpacesInLinearTime() {
        assertThat(CellText.clean(" ".repeat(150_000) + "x" + " ".repeat(150_000))).isEqualTo("x");
    }

    @Test
    void tellsAScannedPdfApart() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var image = new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(LosslessFactory.createFromImage(doc, image), 50, 500);
            }
            doc.save(out);
            assertRefused("扫描件.pdf", out.toByteArray(), "扫描件");
        }
    }

    // ---- helpers ----

    private String assertRefused(String name, byte[] bytes, String reason) {
        String message = refusal(importer, name, bytes);
        assertThat(message).contains(name).contains(reason).doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("java.");
        return message;
    }

    private static String refusal(FormImporter importer, String name, byte[] bytes) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> importer.read(name, bytes));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        assertThat(thrown).as(name).isInstanceOf(ImportException.class);
        FIGURES.add(String.format("| %s | %d KB | %d ms | %d MB | %s |", name, bytes.length / 1024, millis, peak,
                thrown.getMessage()));
        return thrown.getMessage();
    }

    @AfterAll
    static void printFigures() {
        System.out.println("| file | size | time | peak heap | message |");
        FIGURES.forEach(System.out::println);
    }
}
