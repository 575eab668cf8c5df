package cn.zhibiao.retrieval;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

/**
 * bge-small-zh-v1.5 in process (ONNX, model inside the jar: nothing downloads). Vectors are unit length, so the index
 * compares them by dot product. Texts are cut to {@link #MAX_CHARS}: the model's cost grows with length and the
 * head of a form (name, overview) carries its topic.
 */
final class Embedder {

    /** BGE's instruction for short queries that look for passages (from the model card). */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    static final int DIMENSIONS = 512;
    private static final int MAX_CHARS = 160;

    private static volatile Embedder shared;

    private final EmbeddingModel model;

    private Embedder(EmbeddingModel model) {
        this.model = model;
    }

    /** One model per process: loading it takes seconds and 100 MB, and it is safe to share between threads. */
    static Embedder shared() {
        Embedder local = shared;
        if (local == null) {
            synchronized (Embedder.class) {
                local = shared;
                if (local == null) {
                    local = new Embedder(new BgeSmallZhV15EmbeddingModel());
                    shared = local;
                }
            }
        }
        return local;
    }

    float[] passage(String text) {
        return model.embed(cut(text)).content().vector();
    }

    List<float[]> passages(List<String> texts) {
        return model.embedAll(texts.stream().map(t -> TextSegment.from(cut(t))).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    float[] query(String text, int instructionMaxChars) {
        String cut = cut(text);
        return model.embed(cut.length() <= instructionMaxChars ? QUERY_INSTRUCTION + cut : cut).content().vector();
    }

    private static String cut(String text) {
        String t = text.isBlank() ? "。" : text.strip();
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS);
    }
}
