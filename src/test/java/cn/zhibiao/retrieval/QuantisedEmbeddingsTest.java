package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quantised model (shipped) may not cost retrieval quality: hybrid recall@5 on the dev relevance set within 0.02
 * of the fp32 model's. The fp32 model is on the test classpath (test scope) so that this runs in every build, while
 * the jar ships only the quantised one.
 */
class QuantisedEmbeddingsTest {

    private static final double MAX_RECALL_DROP = 0.02;

    @TempDir
    Path dir;

    @Test
    void quantisedModelKeepsRecallAtFiveWithinTwoHundredthsOfFp32() throws Exception {
        List<RelevanceTest.DevQuery> queries = RelevanceTest.devQueries();
        RetrievalSettings settings = TestIndexes.settings(dir);
        Set<String> hybrid = Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM, SimilarProjects.LEG_VECTOR);
        RelevanceTest.Score quantised = score(settings, EmbeddingModelKind.QUANTISED, queries, hybrid);
        RelevanceTest.Score fp32 = score(settings, EmbeddingModelKind.FP32, queries, hybrid);
        System.out.printf(Locale.ROOT, "[quantisation] recall@5 quantised %.3f, fp32 %.3f; MRR %.3f, %.3f%n",
                quantised.recallAt5(), fp32.recallAt5(), quantised.mrr(), fp32.mrr());
        assertThat(quantised.recallAt5()).isGreaterThanOrEqualTo(fp32.recallAt5() - MAX_RECALL_DROP);
    }

    @Test
    void switchingTheModelRebuildsTheIndexInsteadOfMixingVectors() throws Exception {
        RetrievalSettings settings = TestIndexes.settings(dir);
        try (SimilarProjects projects = SimilarProjects.open(settings.withEmbeddingModel(EmbeddingModelKind.QUANTISED))) {
            assertThat(modelOfLastCommit(settings)).isEqualTo("QUANTISED");
        }
        try (SimilarProjects projects = SimilarProjects.open(settings.withEmbeddingModel(EmbeddingModelKind.FP32))) {
            assertThat(modelOfLastCommit(settings)).isEqualTo("FP32");
            assertThat(projects.search(ProjectQuery.text("城乡居民医保补助"), 1).hits().getFirst().similarity())
                    .isGreaterThan(settings.minSimilarity());
        }
    }

    private static String modelOfLastCommit(RetrievalSettings settings) throws IOException {
        try (Directory directory = FSDirectory.open(settings.indexDir())) {
            return SegmentInfos.readLatestCommit(directory).getUserData().get("embedding-model");
        }
    }

    private static RelevanceTest.Score score(RetrievalSettings settings, EmbeddingModelKind model,
            List<RelevanceTest.DevQuery> queries, Set<String> legs) {
        try (SimilarProjects projects = SimilarProjects.open(settings.withEmbeddingModel(model)
                .withIndexDir(settings.indexDir().resolveSibling("index-" + model)))) {
            return RelevanceTest.evaluate(projects, queries, legs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
