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

    /** The least share of project-name characters in common for a past project to count as similar. */
    static final double MIN_SCORE = 0.25;

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
                .filter(s -> s.score() >= MIN_SCORE)
                .sorted(Comparator.comparingDouble(SimilarExample::score).reversed())
                .limit(k).toList();
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
