package cn.zhibiao.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hostile and broken files, generated rather than committed: read directly by {@link HostileFilesTest} and uploaded to
 * the running application by the hostile-upload test.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** An agile-encrypted .docx (an Office file with an opening password). */
    public static byte[] encryptedDocx() throws Exception {
        return encrypted(FormWriters.nationalDocx(RealWorldLayoutsTest.files().getFirst(), "项目支出绩效目标表"));
    }

    /** An agile-encrypted .xlsx. */
    public static byte[] encryptedXlsx() throws Exception {
        return encrypted(FormWriters.splitTargetXlsx(RealWorldLayoutsTest.files().getFirst()));
    }

    /** The first half of a real Word document. */
    public static byte[] truncatedDocx() throws IOException {
        byte[] whole = FormWriters.nationalDocx(RealWorldLayoutsTest.files().getFirst(), "项目支出绩效目标表");
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** The first half of a real workbook. */
    public static byte[] truncatedXlsx() throws IOException {
        byte[] whole = FormWriters.splitTargetXlsx(RealWorldLayoutsTest.files().getFirst());
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** 20 KB that unpack to 20 MB of zeros in one sheet. */
    public static byte[] zipBomb() throws IOException {
        return zip(List.of("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
                name -> name.endsWith("sheet1.xml") ? new byte[20 * 1024 * 1024] : "<x/>".getBytes());
    }

    public static byte[] externalEntityDocx() throws IOException {
        return withDocumentXml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>\
                <w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>""".getBytes(StandardCharsets.UTF_8));
    }

    /** A document.xml of four million empty paragraphs. */
    public static byte[] domBombDocx() throws IOException {
        String head = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                + "2006/main\"><w:body>";
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        xml.write(head.getBytes(StandardCharsets.US_ASCII));
        xml.write(("<w:p/>".repeat(4_000_000)).getBytes(StandardCharsets.US_ASCII));
        xml.write("</w:body></w:document>".getBytes(StandardCharsets.US_ASCII));
        return withDocumentXml(xml.toByteArray());
    }

    /** A small workbook whose only cell is in the last column, XFD. */
    public static byte[] wideWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("宽表").createRow(0).createCell(16383).setCellValue("x");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A sheet of a million real rows that declares no size. */
    public static byte[] millionRowWorkbook() throws IOException {
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        sheet.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                .getBytes(StandardCharsets.UTF_8));
        for (int r = 1; r <= 1_000_000; r++) {
            sheet.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r * 7 + "</v></c></row>")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        sheet.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        return workbook(sheet.toByteArray());
    }

    /** A text export whose one line holds 150,000 spaces. */
    public static byte[] longLineText() {
        return ("项目名称\t" + " ".repeat(150_000) + "x\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encrypted(byte[] plain) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    interface Content {
        byte[] of(String name) throws IOException;
    }

    static byte[] zip(List<String> names, Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content.of(name));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A real .docx from the writer with its document.xml replaced. */
    static byte[] withDocumentXml(byte[] xml) throws IOException {
        return replaced(FormWriters.nationalDocx(RealWorldLayoutsTest.files().getFirst(), "项目支出绩效目标表"),
                "word/document.xml", xml);
    }

    /** A real .xlsx from POI with its first sheet replaced. */
    static byte[] workbook(byte[] sheetXml) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("表");
            wb.write(out);
            return replaced(out.toByteArray(), "xl/worksheets/sheet1.xml", sheetXml);
        }
    }

    static byte[] replaced(byte[] pkg, String part, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(part) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
