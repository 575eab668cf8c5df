package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.corpus.Seeds;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

class ParseCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(CommandSettings.load()).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsDeclarationsOfSeveralFilesAsOneJsonArray() {
        int exit = run("parse", "corpus/declarations/raw/003_509232d1be82661b.txt",
                "corpus/declarations/raw/000_b6612b8108b629cb.txt");
        assertThat(exit).isZero();
        JsonNode array = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(array.size()).isEqualTo(4 + 7);
        JsonNode first = array.get(0);
        assertThat(first.get("projectName").asString()).isEqualTo("城乡居民医疗保险区级财政补助资金");
        assertThat(first.get("fundsWanYuan").decimalValue()).isEqualByComparingTo("565.81");
        assertThat(first.get("indicators").get(2).get("parsed").get("comparator").asString()).isEqualTo("≥");
        for (String field : new String[] {"source", "kind", "region", "department", "year", "projectName",
                "direction", "fundsWanYuan", "periodFundsWanYuan", "periodGoal", "annualGoal", "overview", "basis",
                "indicators"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
    }

    @Test
    void refusesAnEmptyFileNamingIt() throws Exception {
        Path empty = Files.createFile(dir.resolve("空表.txt"));
        assertThat(run("parse", empty.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("空表.txt").contains("文件为空").doesNotContain("Exception");
        assertThat(out.size()).isZero();
    }

    @Test
    void printsTheGoodFilesAndReportsTheBadOnesWhenSomeFail() throws Exception {
        Path good = Seeds.file("003");
        Path bad = Files.writeString(dir.resolve("坏表.xlsx"), "不是工作簿");
        assertThat(run("parse", good.toString(), bad.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(Json.mapper().readTree(out.toString(StandardCharsets.UTF_8))).hasSize(4);
        assertThat(stderr()).contains("坏表.xlsx").doesNotContain("Exception");
    }

    @Test
    void refusesABinaryFile() throws Exception {
        Path binary = dir.resolve("图片.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3, 0, (byte) 0xFF});
        assertThat(run("parse", binary.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("图片.txt").contains("不是可识别的文件").doesNotContain("Exception");
    }

    @Test
    void refusesADocxThatIsNotAZip() throws Exception {
        Path fake = dir.resolve("申报表.docx");
        Files.writeString(fake, "这不是 Word 文档");
        assertThat(run("parse", fake.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("申报表.docx").contains("不是有效的 Word (.docx) 文件");
    }

    @Test
    void refusesAWorkbookWithNoRecognisableTable() throws Exception {
        Path workbook = dir.resolve("台账.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = Files.newOutputStream(workbook)) {
            var row = wb.createSheet("Sheet1").createRow(0);
            row.createCell(0).setCellValue("序号");
            row.createCell(1).setCellValue("采购物品");
            wb.write(os);
        }
        assertThat(run("parse", workbook.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("台账.xlsx").contains("未找到可识别的绩效目标表");
    }

    @Test
    void refusesAZipThatIsNeitherWordNorExcel() throws Exception {
        Path zip = dir.resolve("附件.docx");
        try (var os = new ZipOutputStream(Files.newOutputStream(zip))) {
            os.putNextEntry(new ZipEntry("readme.txt"));
            os.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run("parse", zip.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("附件.docx").contains("既没有 Word 文档也没有 Excel 工作簿");
    }

    @Test
    void refusesAFileOverTheConfiguredSizeLimit() throws Exception {
        Path big = dir.resolve("超大.txt");
        try (var os = Files.newOutputStream(big)) {
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 51; i++) {
                os.write(block);
            }
        }
        assertThat(run("parse", big.toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("超大.txt").contains("超过上限 50.0 MB");
    }

    @Test
    void refusesAMissingFile() {
        assertThat(run("parse", dir.resolve("没有这个文件.txt").toString())).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(stderr()).contains("没有这个文件.txt").contains("文件不存在");
    }

    @Test
    void explainsUsageWhenNoFileIsGiven() {
        assertThat(run("parse")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(stderr()).contains("请至少指定一个文件").contains("用法");
    }
}
