package cn.zhibiao.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * bge-small-zh-v1.5 in process (ONNX; model and tokenizer are jar resources: nothing downloads). Vectors are unit
 * length, so the index compares them by dot product. Texts are cut to {@link #MAX_CHARS}: the model's cost grows with
 * length and the head of a form (name, overview) carries its topic. Queries and passages are cached by text hash:
 * a panel repeats its query as the user refines filters, and a rebuild re-embeds passages it has seen. Cached vectors
 * are shared between callers and never modified.
 */
final class Embedder {

    /** BGE's instruction for short queries that look for passages (from the model card). */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    static final int DIMENSIONS = 512;
    private static final int MAX_CHARS = 160;
    private static final Logger log = LoggerFactory.getLogger(Embedder.class);

    /** One model per kind and process: loading takes seconds and tens of MB, and a session is thread-safe. */
    private static final Map<EmbeddingModelKind, CompletableFuture<EmbeddingModel>> MODELS = new ConcurrentHashMap<>();

    private final EmbeddingModelKind kind;
    private final int onnxThreads;
    private final VectorCache queries;
    private final VectorCache passages;

    Embedder(EmbeddingModelKind kind, int onnxThreads, int queryCacheSize, int passageCacheSize) {
        this.kind = kind;
        this.onnxThreads = onnxThreads;
        this.queries = new VectorCache(queryCacheSize);
        this.passages = new VectorCache(passageCacheSize);
    }

    static Embedder of(RetrievalSettings settings) {
        return new Embedder(settings.embeddingModel(), settings.embeddingThreads(), settings.queryCacheSize(),
                settings.passageCacheSize());
    }

    EmbeddingModelKind kind() {
        return kind;
    }

    /** Starts loading the model in the background, so that start-up does not wait for it and the first query less. */
    void preload() {
        load();
    }

    float[] passage(String text) {
        return passages(List.of(text)).getFirst();
    }

    /** Embeds in one batch what the cache does not hold; the model spreads a batch over the cores. */
    List<float[]> passages(List<String> texts) {
        List<String> cut = texts.stream().map(Embedder::cut).toList();
        float[][] out = new float[cut.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < cut.size(); i++) {
            out[i] = passages.get(cut.get(i));
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            var embedded = model().embedAll(missing.stream().map(i -> TextSegment.from(cut.get(i))).toList())
                    .content();
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                out[i] = embedded.get(j).vector();
                passages.put(cut.get(i), out[i]);
            }
        }
        return List.of(out);
    }

    float[] query(String text, int instructionMaxChars) {
        String cut = cut(text);
        String input = cut.length() <= instructionMaxChars ? QUERY_INSTRUCTION + cut : cut;
        float[] cached = queries.get(input);
        if (cached != null) {
            return cached;
        }
        float[] vector = model().embed(input).content().vector();
        queries.put(input, vector);
        return vector;
    }

    /** A load that failed is forgotten, so that the next call tries again instead of failing until a restart. */
    private EmbeddingModel model() {
        CompletableFuture<EmbeddingModel> loading = load();
        try {
            return joined(loading);
        } catch (RuntimeException e) {
            MODELS.remove(kind, loading);
            throw e;
        }
    }

    /** Waits for work handed to another thread, failing with its own exception (and Chinese message), not a wrapper. */
    static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CompletableFuture<EmbeddingModel> load() {
        return MODELS.computeIfAbsent(kind, k -> CompletableFuture.supplyAsync(() -> create(k, onnxThreads),
                runnable -> Thread.ofPlatform().name("embedding-model-load").daemon().start(runnable)));
    }

    private static EmbeddingModel create(EmbeddingModelKind kind, int onnxThreads) {
        long start = System.nanoTime();
        ClassLoader loader = Embedder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(kind.modelResource());
                InputStream tokenizer = loader.getResourceAsStream(kind.tokenizerResource())) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("向量模型 " + kind.modelResource() + " 不在本程序包中：精简包只带量化模型，"
                        + "请把 zhibiao.retrieval.embedding-model 设为 quantised，或用 ./mvnw -Pfp32 package 构建带 fp32 模型的包。");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // Concurrency comes from the callers (the retrieval pool, embedAll's batch workers); intra-op threads on
            // top of them only fight over the same cores.
            options.setIntraOpNumThreads(onnxThreads);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            EmbeddingModel loaded = new BundledModel(new OnnxBertBiEncoder(environment, session, tokenizer,
                    PoolingMode.CLS));
            log.info("向量模型 {} 已加载（{} ms）", kind.modelResource(), (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取向量模型 " + kind.modelResource(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("无法加载向量模型 " + kind.modelResource() + "：" + e.getMessage(), e);
        }
    }

    private static String cut(String text) {
        String t = text.isBlank() ? "。" : text.strip();
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS);
    }

    /** bge-small-zh takes the [CLS] vector (CLS pooling), as its model card requires. */
    private static final class BundledModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        BundledModel(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
