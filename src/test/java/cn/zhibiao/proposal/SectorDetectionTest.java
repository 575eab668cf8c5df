package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Sector detection on project names labelled with their functional class before the keywords were tuned
 * ({@code proposal/sector-names.tsv}); the accuracy is printed and must reach 0.90.
 */
class SectorDetectionTest {

    final SectorLibrary library = TestProposals.library();

    @Test
    void recognisesTheFunctionalClassOfLabelledProjectNames() throws IOException {
        List<String[]> labelled = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/proposal/sector-names.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    labelled.add(line.split("\t"));
                }
            }
        }
        List<String> misses = new ArrayList<>();
        for (String[] l : labelled) {
            SectorGuess guess = library.detect(new ProjectBrief(l[0], l[1], null, null, null, null, null, null,
                    List.of()));
            if (!guess.sector().equals(l[2])) {
                misses.add(l[0] + "（" + l[1] + "）→ " + guess.sector() + "，应为 " + l[2]);
            }
        }
        double accuracy = 1 - (double) misses.size() / labelled.size();
        System.out.printf(Locale.ROOT, "[sector] %d labelled names, accuracy %.3f%n", labelled.size(), accuracy);
        misses.forEach(m -> System.out.println("[sector]   miss " + m));

        assertThat(labelled).hasSizeGreaterThanOrEqualTo(100);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void saysHowSureItIs() {
        SectorGuess clear = library.detect(new ProjectBrief("义务教育学校营养改善计划", "县教育局", null, null, null, null,
                null, null, List.of()));
        SectorGuess none = library.detect(new ProjectBrief("专项工作经费", null, null, null, null, null, null, null,
                List.of()));

        assertThat(clear.sector()).isEqualTo("教育");
        assertThat(clear.confidence()).isGreaterThan(0.8);
        assertThat(none).isEqualTo(new SectorGuess(SectorLibrary.GENERIC, 0));
    }

    @Test
    void loadsAtLeastThirteenClassesAndThreeHundredEntriesEachPassingTheChecker() {
        System.out.printf(Locale.ROOT, "[library] %d classes, %d entries%n", library.sectorCount(), library.size());

        assertThat(library.sectorCount()).isGreaterThanOrEqualTo(13);
        assertThat(library.size()).isGreaterThanOrEqualTo(300);
    }
}
