package cn.zhibiao.retrieval;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The {@code zhibiao.retrieval.*} block of application.yaml, read the same way by the web app (Spring's
 * Environment) and by the commands ({@code CommandSettings}).
 *
 * @param indexDir            where the Lucene index lives; rebuilt from {@code corpusDir} when missing or unreadable
 * @param corpusDir           the shipped corpus: {@code declarations/*.json} and {@code instructions/instructions.json}
 * @param segmenter           the analyser of the word fields, chosen on the dev relevance set
 * @param minSimilarity       cosine similarity (query to project) a hit needs to be shown at all
 * @param maxSimilarityGap    a hit this far below the best hit's similarity is a different topic, not a weaker match
 * @param rrfK                the k of reciprocal rank fusion: larger flattens the difference between ranks
 * @param candidates          how many hits each leg contributes to the fusion
 * @param maxQueryChars       longer queries are cut here: the head of a pasted document says what it is about
 * @param instructionMaxChars queries up to this length get the BGE retrieval instruction
 * @param threads             the bounded pool that runs Lucene and ONNX work off the web event loop
 * @param embeddingModel      which bge-small-zh ONNX file embeds: quantised (default, shipped) or fp32
 * @param embeddingThreads    ONNX intra-op threads per embedding call
 * @param queryCacheSize      query embeddings kept, by text hash (0 = no cache)
 * @param passageCacheSize    passage (document) embeddings kept, by text hash (0 = no cache)
 */
public record RetrievalSettings(
        Path indexDir,
        Path corpusDir,
        Segmenter segmenter,
        double minSimilarity,
        double maxSimilarityGap,
        int rrfK,
        int candidates,
        int maxQueryChars,
        int instructionMaxChars,
        int threads,
        EmbeddingModelKind embeddingModel,
        int embeddingThreads,
        int queryCacheSize,
        int passageCacheSize) {

    /** Reads the block through any key lookup that fails loudly on a missing key. */
    public static RetrievalSettings from(Function<String, String> settings) {
        return new RetrievalSettings(
                Path.of(settings.apply("zhibiao.retrieval.index-dir")),
                Path.of(settings.apply("zhibiao.corpus.dir")),
                Segmenter.valueOf(settings.apply("zhibiao.retrieval.segmenter").trim().toUpperCase(java.util.Locale.ROOT)),
                Double.parseDouble(settings.apply("zhibiao.retrieval.min-similarity")),
                Double.parseDouble(settings.apply("zhibiao.retrieval.max-similarity-gap")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.rrf-k")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.candidates")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.max-query-chars")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.instruction-max-chars")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.threads")),
                EmbeddingModelKind.parse(settings.apply("zhibiao.retrieval.embedding-model")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.embedding-threads")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.embedding-cache.queries")),
                Integer.parseInt(settings.apply("zhibiao.retrieval.embedding-cache.passages")));
    }

    public RetrievalSettings withIndexDir(Path dir) {
        return new RetrievalSettings(dir, corpusDir, segmenter, minSimilarity, maxSimilarityGap, rrfK, candidates, maxQueryChars,
                instructionMaxChars, threads, embeddingModel, embeddingThreads, queryCacheSize, passageCacheSize);
    }

    public RetrievalSettings withSegmenter(Segmenter other) {
        return new RetrievalSettings(indexDir, corpusDir, other, minSimilarity, maxSimilarityGap, rrfK, candidates, maxQueryChars,
                instructionMaxChars, threads, embeddingModel, embeddingThreads, queryCacheSize, passageCacheSize);
    }

    public RetrievalSettings withCorpusDir(Path dir) {
        return new RetrievalSettings(indexDir, dir, segmenter, minSimilarity, maxSimilarityGap, rrfK, candidates,
                maxQueryChars, instructionMaxChars, threads, embeddingModel, embeddingThreads, queryCacheSize,
                passageCacheSize);
    }

    public RetrievalSettings withEmbeddingModel(EmbeddingModelKind model) {
        return new RetrievalSettings(indexDir, corpusDir, segmenter, minSimilarity, maxSimilarityGap, rrfK, candidates,
                maxQueryChars, instructionMaxChars, threads, model, embeddingThreads, queryCacheSize, passageCacheSize);
    }
}
