package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * Reads the 编报说明 sections of legacy documents: numbered definitions ("12、时效指标：反映…") and the example tables
 * that follow them (一级/二级/三级/指标值 for 实施期 and 本年度 side by side).
 */
public final class InstructionReader {

    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d+)\\s*[、.．]\\s*([^：:，。]{2,20})[：:;；](.+)$");
    private static final Pattern TOPIC = Pattern.compile("如([^。：:，,]{2,30}?)(?:[。：:]|$)");
    private static final int EXAMPLE_WIDTH = 7;

    private final ImportLimits limits;

    public InstructionReader(long maxBytes) {
        this.limits = ImportLimits.from(cn.zhibiao.system.CommandSettings.load()).withMaxFileBytes(maxBytes);
    }

    public Instructions read(String name, byte[] bytes) throws ImportException {
        List<Row> rows = FormImporter.rows(name, bytes, limits, new Warnings(name));
        String stem = name.replaceFirst("\\.[^.]+$", "");
        List<InstructionDefinition> definitions = new ArrayList<>();
        List<InstructionExample> examples = new ArrayList<>();
        for (Section section : Section.split(rows)) {
            if (section.kind() != Section.Kind.INSTRUCTIONS) {
                continue;
            }
            String topic = null;
            String level1 = null;
            String level2 = null;
            for (Row row : section.rows()) {
                if (row.paragraph()) {
                    Matcher m = NUMBERED.matcher(TextNormaliser.normalise(row.text()));
                    if (m.matches()) {
                        String term = m.group(2).strip();
                        definitions.add(new InstructionDefinition(stem + "#def" + (definitions.size() + 1), name, term,
                                m.group(3).strip()));
                        Matcher t = TOPIC.matcher(m.group(3));
                        topic = t.find() ? t.group(1).strip() : null;
                        level1 = null;
                        level2 = null;
                    }
                    continue;
                }
                List<String> cells = row.cells();
                if (cells.size() < EXAMPLE_WIDTH || cells.stream().anyMatch(c -> c.contains("一级指标"))
                        || cells.get(2).isBlank()) {
                    continue;
                }
                if (!cells.get(0).isBlank()) {
                    level1 = TextNormaliser.squeeze(cells.get(0));
                }
                if (!cells.get(1).isBlank()) {
                    level2 = TextNormaliser.squeeze(cells.get(1));
                }
                examples.add(new InstructionExample(stem + "#ex" + (examples.size() + 1), name, topic,
                        Taxonomy.level1(level1).map(Level1::label).orElse(level1),
                        Taxonomy.level2(level2).map(Level2::label).orElse(level2),
                        cells.get(2).strip(), FormContext.blankToNull(cells.get(3)),
                        FormContext.blankToNull(cells.get(6))));
            }
        }
        return new Instructions(definitions, examples);
    }

    /** Merges the instructions of several documents, keeping the first of examples that repeat word for word. */
    public static Instructions merge(List<Instructions> parts) {
        List<InstructionDefinition> definitions = new ArrayList<>();
        List<InstructionExample> examples = new ArrayList<>();
        Set<String> seenDefinitions = new HashSet<>();
        Set<String> seenExamples = new HashSet<>();
        for (Instructions part : parts) {
            part.definitions().stream()
                    .filter(d -> seenDefinitions.add(d.term() + "|" + d.definition()))
                    .forEach(definitions::add);
            part.examples().stream()
                    .filter(e -> seenExamples.add(e.level2() + "|" + e.name() + "|" + e.annualValue()))
                    .forEach(examples::add);
        }
        return new Instructions(definitions, examples);
    }
}
