package cn.zhibiao.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.system.Json;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Test fixture standing in for the retrieval service: past project declarations of {@code corpus/declarations}
 * ranked by the share of project-name characters they have in common with the query, and the instruction examples of
 * a copy of {@code corpus/instructions/instructions.json}. Not a retrieval method to ship.
 */
public final class CorpusExamples implements ExampleSource {

    private final List<Declaration> declarations;
    private final List<GuidanceExample> guidance;
    private final Set<String> excluded;

    private CorpusExamples(List<Declaration> declarations, List<GuidanceExample> guidance, Set<String> excluded) {
        this.declarations = declarations;
        this.guidance = guidance;
        this.excluded = excluded;
    }

    public static CorpusExamples load() {
        List<Declaration> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("corpus/declarations"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.addAll(Json.mapper().readValue(file.toFile(), new TypeReference<List<Declaration>>() {
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CorpusExamples(all.stream().filter(d -> d.kind() == DeclarationKind.PROJECT).toList(),
                readGuidance(), Set.of());
    }

    static CorpusExamples empty() {
        return new CorpusExamples(List.of(), List.of(), Set.of());
    }

    /** Only the instruction examples: a project nothing in the corpus resembles. */
    CorpusExamples guidanceOnly() {
        return new CorpusExamples(List.of(), guidance, excluded);
    }

    /** The same source without one declaration: the leave-one-out view. */
    CorpusExamples without(Declaration d) {
        Set<String> ids = new HashSet<>(excluded);
        ids.add(d.id());
        return new CorpusExamples(declarations, guidance, ids);
    }

    List<Declaration> declarations() {
        return declarations;
    }

    @Override
    public List<SimilarExample> similar(ProjectBrief project, int k) {
        return declarations.stream().filter(d -> !excluded.contains(d.id()))
                .map(d -> new SimilarExample(d.id(), d, score(project.projectName(), d.projectName())))
                .filter(s -> s.score() >= 0.25)
                .sorted(Comparator.comparingDouble(SimilarExample::score).reversed())
                .limit(k).toList();
    }

    /** Rows of the category whose name shares the most two-character words with the project's name and goals. */
    @Override
    public List<SimilarRow> similarRows(ProjectBrief project, Level2 level2, int k) {
        String text = project.projectName() + " " + (project.overview() == null ? "" : project.overview()) + " "
                + (project.annualGoal() == null ? "" : project.annualGoal());
        Set<String> words = bigrams(text);
        List<SimilarRow> out = new ArrayList<>();
        for (Declaration d : declarations) {
            if (excluded.contains(d.id())) {
                continue;
            }
            for (Indicator row : d.indicators()) {
                if (row.level2() != level2 || row.name() == null) {
                    continue;
                }
                Set<String> shared = bigrams(row.name());
                shared.retainAll(words);
                if (shared.size() >= 2) {
                    out.add(new SimilarRow(d.id(), d.projectName(), d.region(), d.year(), row, shared.size()));
                }
            }
        }
        return out.stream().sorted(Comparator.comparingDouble(SimilarRow::score).reversed()).limit(k).toList();
    }

    private static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            if (Character.isIdeographic(text.codePointAt(i)) && Character.isIdeographic(text.codePointAt(i + 1))) {
                out.add(text.substring(i, i + 2));
            }
        }
        return out;
    }

    @Override
    public List<GuidanceExample> guidance(Level2 level2) {
        return guidance.stream().filter(g -> g.level2() == level2).toList();
    }

    private static double score(String query, String name) {
        if (query == null || name == null) {
            return 0;
        }
        Set<Integer> a = new HashSet<>(query.codePoints().boxed().toList());
        Set<Integer> b = new HashSet<>(name.codePoints().boxed().toList());
        Set<Integer> common = new HashSet<>(a);
        common.retainAll(b);
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        return union.isEmpty() ? 0 : (double) common.size() / union.size();
    }

    private static List<GuidanceExample> readGuidance() {
        try (InputStream in = Files.newInputStream(Path.of("corpus/instructions/instructions.json"))) {
            List<GuidanceExample> out = new ArrayList<>();
            for (JsonNode e : Json.mapper().readTree(in).path("examples")) {
                out.add(new GuidanceExample(e.path("id").asString(), e.path("source").asString(),
                        e.path("topic").asString(), Level1.fromLabel(e.path("level1").asString()),
                        Level2.fromLabel(e.path("level2").asString()), e.path("name").asString(),
                        e.path("periodValue").asString(null), e.path("annualValue").asString(null)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
