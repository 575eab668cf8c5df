package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.system.Json;

/**
 * The real-world declarations of {@code src/test/resources/realworld}, rendered into each layout bureaus publish
 * and read back: project names, funds and every (scope, 二级, 三级, 指标值) must come back as they went in.
 */
class RealWorldLayoutsTest {

    static final Path DIR = Path.of("src/test/resources/realworld");
    private static final List<String> FIGURES = new ArrayList<>();

    private final FormImporter importer = new FormImporter(Seeds.LIMITS);

    /** 二级 as the importer keeps it: labels padded or split over lines ("经济效益 指标") are one word. */
    record Triple(Scope scope, String level2, String name, String value) {
    }

    static List<List<Declaration>> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted()
                    .map(RealWorldLayoutsTest::declarations).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Declaration> all() {
        return files().stream().flatMap(List::stream).toList();
    }

    private static List<Declaration> declarations(Path file) {
        try {
            return List.of(Json.mapper().readValue(Files.readString(file), Declaration[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nationalTemplateInWordWithMergedCategoriesRoundTrips() throws Exception {
        roundTripPerFile("national 2021 .docx (项目支出绩效目标申报表)", "form.docx",
                d -> FormWriters.nationalDocx(d, "项目支出绩效目标申报表"));
    }

    @Test
    void nationalTemplateTitledMuBiaoBiaoRoundTrips() throws Exception {
        roundTripPerFile("national 2021 .docx (项目支出绩效目标表)", "form.docx",
                d -> FormWriters.nationalDocx(d, "项目支出绩效目标表"));
    }

    @Test
    void workbookWithTargetSplitOverNatureValueAndUnitRoundTrips() throws Exception {
        roundTripPerFile("split target .xlsx", "form.xlsx", FormWriters::splitTargetXlsx);
    }

    /** POI cannot write binary Word: the file was converted from the .docx writer's output with LibreOffice once. */
    @Test
    void nationalTemplateAsBinaryWordRoundTrips() throws Exception {
        List<Declaration> all = all();
        assertRoundTrip("national 2021 .doc (LibreOffice fixture)", all,
                importer.read(Path.of("src/test/resources/corpus/layouts/realworld-all-national-2021.doc")));
    }

    @Test
    void textPdfRoundTrips() throws Exception {
        roundTripPerFile("text PDF", "form.pdf", FormWriters::pdf);
    }

    @Test
    void workbookWithOneSheetPerProjectAndASummaryRoundTripsWithEachSheetsYear() throws Exception {
        List<Declaration> all = all();
        ImportResult result = importer.read("projects.xlsx", FormWriters.perSheetWorkbook(all, XSSFWorkbook::new));
        assertRoundTrip("one sheet per project .xlsx", all, result);
        assertThat(result.declarations()).extracting(Declaration::year)
                .containsExactlyElementsOf(all.stream().map(Declaration::year).toList());
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w.message()).contains("“汇总”是汇总表"));
    }

    @Test
    void binaryWorkbookWithOneSheetPerProjectRoundTrips() throws Exception {
        List<Declaration> all = all();
        assertRoundTrip("one sheet per project .xls", all,
                importer.read("projects.xls", FormWriters.perSheetWorkbook(all, HSSFWorkbook::new)));
    }

    @Test
    void formSavedAsTabSeparatedTextRoundTripsWithEmptyValuesAndGoals() throws Exception {
        roundTripPerFile("form saved as tab-separated text", "form.txt", FormWriters::tabText);
    }

    @Test
    void flatExportWorkbookRoundTrips() throws Exception {
        List<Declaration> all = all();
        assertRoundTrip("flat export .xlsx", all, importer.read("export.xlsx", FormWriters.longXlsx(all)));
    }

    @Test
    void flatExportCsvRoundTripsInUtf8AndGb18030() throws Exception {
        List<Declaration> all = all();
        String csv = FormWriters.longCsv(all);
        assertRoundTrip("flat export .csv UTF-8", all,
                importer.read("export.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertRoundTrip("flat export .csv GB18030", all,
                importer.read("export.csv", csv.getBytes(Charset.forName("GB18030"))));
    }

    interface Writer {
        byte[] write(List<Declaration> declarations) throws IOException;
    }

    private void roundTripPerFile(String layout, String name, Writer writer) throws Exception {
        List<Declaration> expected = new ArrayList<>();
        List<Declaration> actual = new ArrayList<>();
        for (List<Declaration> file : files()) {
            expected.addAll(file);
            actual.addAll(importer.read(name, writer.write(file)).declarations());
        }
        assertRoundTrip(layout, expected, new ImportResult(actual, List.of()));
    }

    private static void assertRoundTrip(String layout, List<Declaration> expected, ImportResult result) {
        List<Declaration> actual = result.declarations();
        int total = expected.stream().mapToInt(d -> d.indicators().size()).sum();
        int intact = 0;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            List<Triple> back = new ArrayList<>(triples(actual.get(i)));
            for (Triple t : triples(expected.get(i))) {
                intact += back.remove(t) ? 1 : 0;
            }
        }
        FIGURES.add(String.format("| %s | %d/%d | %d/%d |", layout, actual.size(), expected.size(), intact, total));
        assertThat(actual).extracting(Declaration::projectName)
                .containsExactlyElementsOf(expected.stream().map(Declaration::projectName).toList());
        for (int i = 0; i < expected.size(); i++) {
            Declaration want = expected.get(i);
            Declaration got = actual.get(i);
            assertThat(amount(got.fundsWanYuan())).as("%s %s", layout, want.projectName())
                    .isEqualTo(amount(want.fundsWanYuan()));
            assertThat(triples(got)).as("%s %s", layout, want.projectName())
                    .containsExactlyInAnyOrderElementsOf(triples(want));
        }
        assertThat(actual).flatExtracting(Declaration::indicators).extracting(Indicator::name)
                .noneMatch(n -> n != null && n.startsWith("填报人"));
    }

    private static String amount(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static List<Triple> triples(Declaration d) {
        return d.indicators().stream()
                .map(i -> new Triple(i.scope(), i.level2Raw() == null ? null : TextNormaliser.squeeze(i.level2Raw()),
                        i.name(), i.value()))
                .toList();
    }

    @AfterAll
    static void printFigures() {
        System.out.println("| layout | projects | indicators intact |");
        FIGURES.forEach(System.out::println);
    }
}
