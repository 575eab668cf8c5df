package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring alone (no web server, no database): settings bind from properties and the service opens. */
class RetrievalConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void wiresTheServiceTheSchedulerAndTheController() {
        RetrievalSettings s = TestIndexes.settings(dir);
        new ApplicationContextRunner()
                .withUserConfiguration(RetrievalConfiguration.class, SimilarController.class)
                .withPropertyValues(
                        "zhibiao.retrieval.index-dir=" + s.indexDir(),
                        "zhibiao.corpus.dir=" + s.corpusDir(),
                        "zhibiao.retrieval.segmenter=hanlp",
                        "zhibiao.retrieval.min-similarity=0.5",
                        "zhibiao.retrieval.max-similarity-gap=0.15",
                        "zhibiao.retrieval.rrf-k=60",
                        "zhibiao.retrieval.candidates=50",
                        "zhibiao.retrieval.max-query-chars=2000",
                        "zhibiao.retrieval.instruction-max-chars=64",
                        "zhibiao.retrieval.threads=2",
                        "zhibiao.retrieval.embedding-model=quantised",
                        "zhibiao.retrieval.embedding-threads=1",
                        "zhibiao.retrieval.embedding-cache.queries=100",
                        "zhibiao.retrieval.embedding-cache.passages=100")
                .run(context -> {
                    assertThat(context).hasSingleBean(SimilarController.class);
                    assertThat(context.getBean(SimilarProjects.class).examples("数量指标")).hasSize(2);
                });
    }
}
