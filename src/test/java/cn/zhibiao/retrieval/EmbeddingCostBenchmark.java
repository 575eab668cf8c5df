package cn.zhibiao.retrieval;

import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * Where the CPU of one embedding and of one search goes, to explain the build rate and the new-query rate of
 * {@code /api/similar}. Not a test: timings depend on the machine. From the project root:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench.cp) cn.zhibiao.retrieval.EmbeddingCostBenchmark
 * </pre>
 *
 * Prints, with CPU time per item: a short query embedded on one and on two threads; a 160-character passage; short
 * queries run through ONNX in batches of 1 to 32 (what batching concurrent queries would save); the tokeniser as
 * LangChain4j's encoder calls it (three times per text) against one encode; and whole searches over the seeds with a
 * new query text each time against texts whose vectors are cached.
 */
public final class EmbeddingCostBenchmark {

    private static final int ITEMS = 600;
    private static final int WARMUP = 100;
    private static final String SENTENCE = "长沙市岳麓区城乡居民基本医疗保险财政补助资金项目，用于保障辖区内参保居民的医疗待遇，"
            + "提高医保基金使用效率，减轻群众就医负担，促进卫生健康事业发展。";
    private static final int PASSAGE_CHARS = 160;

    private EmbeddingCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                RetrievalBenchmark.loadAverage());
        Embedder embedder = new Embedder(EmbeddingModelKind.QUANTISED, 1, 0, 0);
        IntFunction<String> query = i -> "岳麓区城乡居民医疗保险补助（" + i + "）";
        IntFunction<String> passage = i -> (i + SENTENCE + SENTENCE + SENTENCE).substring(0, PASSAGE_CHARS);
        run("warm-up", 1, i -> embedder.query(query.apply(-i), Integer.MAX_VALUE));
        run("short query, 1 thread", 1, i -> embedder.query(query.apply(i), Integer.MAX_VALUE));
        run("short query, 2 threads", 2, i -> embedder.query(query.apply(ITEMS + i), Integer.MAX_VALUE));
        run("160-character passage, 1 thread", 1, i -> embedder.passage(passage.apply(i)));
        batches(query);
        tokeniser(passage);
        searches();
    }

    private interface Item {
        void run(int i) throws Exception;
    }

    private static void run(String what, int threads, Item item) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpu = RetrievalBenchmark.processCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    item.run(n);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            System.out.printf(Locale.ROOT, "%-45s wall %6.2f ms/item, CPU %6.2f ms/item%n", what,
                    (System.nanoTime() - start) / 1e6 / ITEMS, (RetrievalBenchmark.processCpuNanos() - cpu) / 1e6 / ITEMS);
        } finally {
            pool.shutdown();
        }
    }

    /** Short queries (with BGE's instruction) through one ONNX session, padded into batches. */
    private static void batches(IntFunction<String> query) throws Exception {
        ClassLoader loader = EmbeddingCostBenchmark.class.getClassLoader();
        EmbeddingModelKind kind = EmbeddingModelKind.QUANTISED;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = environment.createSession(
                    loader.getResourceAsStream(kind.modelResource()).readAllBytes(), options);
                    HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                            loader.getResourceAsStream(kind.tokenizerResource()), Map.of("padding", "false"))) {
                for (int size : new int[] {1, 4, 8, 16, 32}) {
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < ITEMS; i++) {
                        texts.add(Embedder.QUERY_INSTRUCTION + query.apply(i));
                    }
                    long cpu = RetrievalBenchmark.processCpuNanos();
                    for (int from = 0; from < texts.size(); from += size) {
                        encode(environment, session, tokenizer.batchEncode(
                                texts.subList(from, Math.min(texts.size(), from + size))));
                    }
                    System.out.printf(Locale.ROOT, "%-45s CPU %6.2f ms/query%n", "short queries, ONNX batch of " + size,
                            (RetrievalBenchmark.processCpuNanos() - cpu) / 1e6 / ITEMS);
                }
            }
        }
    }

    private static void encode(OrtEnvironment environment, OrtSession session, Encoding[] batch) throws Exception {
        int length = 0;
        for (Encoding e : batch) {
            length = Math.max(length, e.getIds().length);
        }
        long[] ids = new long[batch.length * length];
        long[] mask = new long[ids.length];
        for (int i = 0; i < batch.length; i++) {
            long[] e = batch[i].getIds();
            System.arraycopy(e, 0, ids, i * length, e.length);
            java.util.Arrays.fill(mask, i * length, i * length + e.length, 1);
        }
        long[] shape = {batch.length, length};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
                OrtSession.Result result = session.run(
                        Map.of("input_ids", input, "attention_mask", attention, "token_type_ids", types))) {
            result.get(0).getValue();
        }
    }

    /** LangChain4j's OnnxBertBiEncoder tokenises a text, rebuilds the sentence, tokenises it again, then encodes it. */
    private static void tokeniser(IntFunction<String> passage) throws Exception {
        ClassLoader loader = EmbeddingCostBenchmark.class.getClassLoader();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                loader.getResourceAsStream(EmbeddingModelKind.QUANTISED.tokenizerResource()),
                Map.of("padding", "false"))) {
            run("tokeniser as LangChain4j calls it", 1, i -> {
                List<String> tokens = tokenizer.tokenize(passage.apply(i));
                String sentence = tokenizer.buildSentence(tokens.subList(1, tokens.size() - 1));
                tokenizer.tokenize(sentence);
                tokenizer.encode(sentence, true, false);
            });
            run("one encode", 1, i -> tokenizer.encode(passage.apply(i), true, false));
        }
    }

    /** Hybrid searches over the seeds on two threads: each text new (its vector computed) or one of the benchmark texts in turn. */
    private static void searches() throws Exception {
        Path dir = Files.createTempDirectory("embedding-cost");
        List<String> texts = RetrievalBenchmark.queries();
        Set<String> hybrid = Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM, SimilarProjects.LEG_VECTOR);
        try (SimilarProjects projects = SimilarProjects.open(TestIndexes.settings(dir))) {
            for (int i = 0; i < 2 * texts.size(); i++) {
                projects.search(ProjectQuery.text(texts.get(i % texts.size())), SimilarController.DEFAULT_K, hybrid);
            }
            for (int round = 0; round < 2; round++) {
                int salt = round * ITEMS;
                run("search, new query text, 2 threads", 2, i -> projects.search(ProjectQuery.text(
                        texts.get(i % texts.size()) + "（" + (salt + i) + "）"), SimilarController.DEFAULT_K, hybrid));
                run("search, query texts in turn, 2 threads", 2, i -> projects.search(
                        ProjectQuery.text(texts.get(i % texts.size())), SimilarController.DEFAULT_K, hybrid));
            }
        }
    }
}
