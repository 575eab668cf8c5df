package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.system.CommandSettings;

/**
 * Learns on the dev relevance set the similarity from which a retrieved project is a precedent worth lending its
 * indicators to a proposal: the threshold with the best F1 of "relevant" among the hits it keeps. The configured
 * zhibiao.proposal.min-precedent-similarity must be that threshold.
 */
class PrecedentThresholdTest {

    record Scored(double similarity, boolean relevant) {
    }

    @TempDir
    Path dir;

    @Test
    void configuredPrecedentThresholdIsTheOneLearnedOnTheDevSet() throws Exception {
        List<Scored> hits = new ArrayList<>();
        int relevantTotal = 0;
        try (SimilarProjects projects = SimilarProjects.open(TestIndexes.settings(dir))) {
            for (RelevanceTest.DevQuery q : RelevanceTest.devQueries()) {
                relevantTotal += q.relevant().size();
                for (Hit h : projects.search(new ProjectQuery(q.projectName(), q.overview(), null, null, null, null),
                        10, Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM, SimilarProjects.LEG_VECTOR))
                        .hits()) {
                    hits.add(new Scored(h.similarity(), q.relevant().contains(h.projectName())));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        double best = 0;
        double threshold = 0;
        int kept = 0;
        int right = 0;
        for (Scored s : hits) {
            kept++;
            right += s.relevant() ? 1 : 0;
            double f1 = 2.0 * right / (kept + relevantTotal);
            if (f1 > best) {
                best = f1;
                threshold = s.similarity();
            }
        }
        double learned = Math.floor(threshold * 100) / 100;
        double configured = Double.parseDouble(CommandSettings.load().get("zhibiao.proposal.min-precedent-similarity"));
        System.out.printf(Locale.ROOT, "[precedent] %d hits; best F1 %.3f at similarity %.3f (configured %.2f)%n",
                hits.size(), best, threshold, configured);

        assertThat(configured).isCloseTo(learned, within(0.005));
    }
}
