package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.system.Json;

/**
 * Recall@5 and MRR on the dev relevance set (src/test/resources/retrieval/dev-queries.json), for each segmenter and,
 * for the configured one, for each leg alone. The figures are printed; the configured choice must reach recall@5 0.9.
 */
class RelevanceTest {

    record DevQuery(String id, String projectName, String overview, List<String> relevant) {
    }

    record Score(double recallAt5, double mrr, List<String> misses) {
    }

    @TempDir
    Path dir;

    @Test
    void configuredSegmenterFindsTheRelevantSeedProjects() throws Exception {
        List<DevQuery> queries = devQueries();
        RetrievalSettings configured = TestIndexes.settings(dir);
        Map<Segmenter, Score> scores = new EnumMap<>(Segmenter.class);
        for (Segmenter segmenter : Segmenter.values()) {
            RetrievalSettings settings = configured.withSegmenter(segmenter)
                    .withIndexDir(dir.resolve("index-" + segmenter));
            try (SimilarProjects projects = SimilarProjects.open(settings)) {
                Set<String> all = Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM,
                        SimilarProjects.LEG_VECTOR);
                Score score = evaluate(projects, queries, all);
                scores.put(segmenter, score);
                report(segmenter + " hybrid", score);
                report(segmenter + " keyword only", evaluate(projects, queries, Set.of(SimilarProjects.LEG_WORDS)));
                if (segmenter == configured.segmenter()) {
                    report(segmenter + " keyword+bigram", evaluate(projects, queries,
                            Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM)));
                    report("vector only", evaluate(projects, queries, Set.of(SimilarProjects.LEG_VECTOR)));
                }
            }
        }
        assertThat(scores.get(configured.segmenter()).recallAt5()).isGreaterThanOrEqualTo(0.9);
    }

    static List<DevQuery> devQueries() throws Exception {
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/retrieval/dev-queries.json")) {
            return List.of(Json.mapper().readValue(in, DevQuery[].class));
        }
    }

    static Score evaluate(SimilarProjects projects, List<DevQuery> queries, Set<String> legs) {
        double recall = 0;
        double mrr = 0;
        List<String> misses = new ArrayList<>();
        for (DevQuery q : queries) {
            List<String> names = projects.search(new ProjectQuery(q.projectName(), q.overview(), null, null, null,
                    null), 10, legs).hits().stream().map(Hit::projectName).toList();
            List<String> top5 = names.subList(0, Math.min(5, names.size()));
            long found = q.relevant().stream().filter(top5::contains).count();
            recall += (double) found / Math.min(5, q.relevant().size());
            for (int i = 0; i < names.size(); i++) {
                if (q.relevant().contains(names.get(i))) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
            if (found < Math.min(5, q.relevant().size())) {
                misses.add(q.id() + " → " + top5);
            }
        }
        return new Score(recall / queries.size(), mrr / queries.size(), misses);
    }

    private static void report(String what, Score score) {
        System.out.printf(Locale.ROOT, "[relevance] %-28s recall@5 %.3f  MRR %.3f%n", what, score.recallAt5(),
                score.mrr());
        score.misses().forEach(m -> System.out.println("[relevance]     miss " + m));
    }
}
