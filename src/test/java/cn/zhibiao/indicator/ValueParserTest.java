package cn.zhibiao.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.Json;

/** Table-driven: every distinct value written in the seed documents, with what it must parse to. */
class ValueParserTest {

    private static final Path TABLE = Path.of("src/test/resources/indicator/seed-values.tsv");

    static Stream<Arguments> table() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            rows.add(Arguments.of(c[0].replace("\\t", "\t").replace("\\n", "\n"), c[1], c[2], c[3], c[4], c[5], c[6]));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void parsesValueAsWritten(String value, String kind, String comparator, String number, String numberMax,
            String unit, String deadline) {
        ParsedValue parsed = ValueParser.parse(value);
        assertThat(parsed.kind()).as("kind").isEqualTo(ValueKind.valueOf(kind));
        assertThat(parsed.comparator() == null ? "" : parsed.comparator().symbol()).as("comparator")
                .isEqualTo(comparator);
        assertDecimal(parsed.number(), number, "number");
        assertDecimal(parsed.numberMax(), numberMax, "numberMax");
        assertThat(parsed.unit() == null ? "" : parsed.unit()).as("unit").isEqualTo(unit);
        assertThat(parsed.deadline()).as("deadline").isEqualTo(deadline.isEmpty() ? null : LocalDate.parse(deadline));
    }

    @Test
    void tableCoversEveryValueOfTheSeedCorpus() throws IOException {
        Set<String> tabled = new HashSet<>();
        table().forEach(a -> tabled.add((String) a.get()[0]));
        Set<String> seedValues = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("corpus/declarations"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode declaration : Json.mapper().readTree(file.toFile())) {
                    for (JsonNode indicator : declaration.get("indicators")) {
                        if (!indicator.get("value").isNull()) {
                            seedValues.add(indicator.get("value").asString());
                        }
                    }
                }
            }
        }
        assertThat(seedValues).isNotEmpty();
        assertThat(tabled).containsAll(seedValues);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "2023.07-2024.01|2024-01-31",
            "2024年1月-12月|2024-12-31",
            "2025年年底前|2025-12-31"})
    void readsPeriodsAsDeadlines(String value, String deadline) {
        assertThat(ValueParser.parse(value).deadline()).isEqualTo(LocalDate.parse(deadline));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6月份完成宣传片制作;9月份完成文本;11月完成专家评审", "12月底前", "当年6月前"})
    void readsMonthsWithoutAYearAsDeadlines(String value) {
        assertThat(ValueParser.parse(value).kind()).isEqualTo(ValueKind.DATE);
    }

    @Test
    void readsComparatorWords() {
        assertThat(ValueParser.parse("大于等于10157.6平方米").comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(ValueParser.parse("小于等于3次").comparator()).isEqualTo(Comparator.AT_MOST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "≥", "%", "年", "-", "--10", "9999999999999999999999年", "2023年13月40日", "１．．２",
            "\u0000", "≤≤≤", "1e999999999"})
    void neverThrowsOnOddInput(String value) {
        assertThatCode(() -> ValueParser.parse(value)).doesNotThrowAnyException();
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(ValueParser.parse(null).kind()).isEqualTo(ValueKind.EMPTY);
    }

    private static void assertDecimal(BigDecimal actual, String expected, String what) {
        if (expected.isEmpty()) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isEqualByComparingTo(expected);
        }
    }
}
