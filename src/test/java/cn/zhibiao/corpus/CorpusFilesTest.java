package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.system.Json;

/** The committed corpus JSON is what the importer produces now: regenerate it when the importer changes. */
class CorpusFilesTest {

    @Test
    void committedDeclarationsEqualWhatTheImporterProducesNow() throws Exception {
        for (Path raw : Seeds.files()) {
            String stem = raw.getFileName().toString().replaceFirst("\\.txt$", "");
            Path committed = Path.of("corpus/declarations", stem + ".json");
            assertThat(committed).as("regenerate with: java -jar target/zhibiao.jar parse %s > %s", raw, committed)
                    .exists();
            String expected = Json.mapper().writeValueAsString(new FormImporter(Seeds.LIMIT).read(raw).declarations());
            boolean same = Files.readString(committed).strip().equals(expected.strip());
            assertThat(same).as("%s is stale; regenerate with: java -jar target/zhibiao.jar parse %s > %s",
                    committed, raw, committed).isTrue();
        }
    }

    @Test
    void committedInstructionsEqualWhatTheReaderProducesNow() throws Exception {
        InstructionReader reader = new InstructionReader(Seeds.LIMIT);
        List<Instructions> parts = new ArrayList<>();
        for (Path raw : Seeds.files()) {
            parts.add(reader.read(raw.getFileName().toString(), Files.readAllBytes(raw)));
        }
        String expected = Json.mapper().writeValueAsString(InstructionReader.merge(parts));
        Path committed = Path.of("corpus/instructions/instructions.json");
        assertThat(Files.readString(committed).strip().equals(expected.strip()))
                .as("%s is stale; regenerate with: java -jar target/zhibiao.jar instructions corpus/declarations/raw/*.txt",
                        committed).isTrue();
    }

    @Test
    void instructionsCarryTheWorkedExamplesOfEachOutputCategory() throws Exception {
        Instructions instructions = Json.mapper().readValue(Path.of("corpus/instructions/instructions.json").toFile(),
                Instructions.class);
        assertThat(instructions.examples()).extracting(InstructionExample::topic).contains("支持学前教育发展资金",
                "退役安置补助资金", "优抚对象抚恤补助资金", "非物质文化遗产保护资金");
        assertThat(instructions.examples()).filteredOn(e -> e.name().equals("国家级代表性传承人活动补助资金"))
                .singleElement().satisfies(e -> {
                    assertThat(e.level2()).isEqualTo("成本指标");
                    assertThat(e.annualValue()).isEqualTo("2万元/人");
                });
        assertThat(instructions.definitions()).extracting(InstructionDefinition::term).contains("数量指标", "质量指标",
                "时效指标", "成本指标", "效益指标");
    }
}
