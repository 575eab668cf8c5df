package cn.zhibiao.retrieval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.CommandSettings;

/**
 * Index build rate (embeddings included), size on disk, query latency p50/p99 per leg mix, and heap, for synthetic
 * corpora of the given sizes. Not a test: timings depend on the machine. Run from the project root:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -Xmx4g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *     cn.zhibiao.retrieval.RetrievalBenchmark 1000 10000 100000
 * </pre>
 *
 * Sizes beyond what can be embedded in the time at hand can reuse a pool of real vectors:
 * {@code -Dbench.vectorPool=2000} (see {@link #buildWithPooledVectors}).
 * Each size is indexed in its own directory under {@code target/benchmark/} (deleted afterwards); each line of figures
 * is appended to {@code target/benchmark/results.md} as soon as it is measured. {@code -Dbench.keep=true} keeps the
 * index and, on the next run, queries it without building it again (query-side changes measured on the same index).
 */
public final class RetrievalBenchmark {

    /** Enough for the JIT to compile the search path as the measured queries will run it. */
    private static final int WARMUP = 200;
    private static final Path ROOT = Path.of("target", "benchmark");
    private static final int VECTOR_POOL = Integer.getInteger("bench.vectorPool", 0);
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final int SLOWEST = 8;

    private RetrievalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(ROOT);
        RetrievalSettings base = RetrievalSettings.from(CommandSettings.load()::get);
        List<Declaration> seeds = Corpus.read(base.corpusDir()).declarations();
        List<String> queries = queries();
        report("%n### %s, %s, %d cores, max heap %d MB, segmenter %s, embedding model %s, load average %s%n",
                Instant.now(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, base.segmenter(),
                base.embeddingModel(), loadAverage());
        report("| declarations | build (decl/s, incl. embeddings) | index size | heap used | keyword p50/p99 | "
                + "vector p50/p99 | hybrid p50/p99 | machine load |%n|---|---|---|---|---|---|---|---|%n");
        for (String arg : args) {
            int size = Integer.parseInt(arg);
            Path dir = ROOT.resolve("index-" + size);
            if (!KEEP) {
                delete(dir);
            }
            try (SimilarProjects projects = SimilarProjects.open(base.withIndexDir(dir))) {
                List<Declaration> synthetic = SyntheticDeclarations.generate(seeds, size, size);
                String build = KEEP && declarations(projects) >= size ? "kept from an earlier run"
                        : VECTOR_POOL > 0 && size > VECTOR_POOL
                        ? buildWithPooledVectors(projects, synthetic) : build(projects, synthetic);
                long settling = System.nanoTime();
                projects.index().awaitMerges();
                build += String.format(Locale.ROOT, "; merges still running after the commit took %.0f s more",
                        (System.nanoTime() - settling) / 1e9);
                long bytes = projects.sizeOnDisk();
                String keyword = latency(projects, queries,
                        Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM));
                String vector = latency(projects, queries, Set.of(SimilarProjects.LEG_VECTOR));
                String hybrid = latency(projects, queries,
                        Set.of(SimilarProjects.LEG_WORDS, SimilarProjects.LEG_BIGRAM, SimilarProjects.LEG_VECTOR));
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                report("| %,d | %s | %.1f MB | %d MB | %s | %s | %s | load average %s |%n", size, build,
                        bytes / 1048576.0, heap >> 20, keyword, vector, hybrid, loadAverage());
            }
            if (!KEEP) {
                delete(dir);
            }
        }
    }

    private static int declarations(SimilarProjects projects) {
        return projects.index().read(searcher -> searcher.count(new TermQuery(new Term(Fields.TYPE,
                Fields.TYPE_DECLARATION))));
    }

    /** Embeds and indexes every declaration; the rate includes embeddings. */
    private static String build(SimilarProjects projects, List<Declaration> synthetic) throws IOException {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        int chunk = 1000;
        for (int from = 0; from < synthetic.size(); from += chunk) {
            int to = Math.min(synthetic.size(), from + chunk);
            projects.index().addAll(synthetic.subList(from, to));
            System.err.printf(Locale.ROOT, "[bench] %d indexed, %.1f decl/s%n", to,
                    to / ((System.nanoTime() - start) / 1e9));
        }
        projects.index().commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%.1f (%.0f s; CPU %.1f ms/decl)", synthetic.size() / seconds, seconds,
                (processCpuNanos() - cpu) / 1e6 / synthetic.size());
    }

    /**
     * Sizes too large to embed in the time available: {@code -Dbench.vectorPool=N} embeds the first N passages (timed
     * on their own) and gives declaration i the vector of passage i mod N, slightly jittered. The build rate is then
     * Lucene's alone, and the report says so; query vectors are still computed for every query.
     */
    private static String buildWithPooledVectors(SimilarProjects projects, List<Declaration> synthetic)
            throws IOException {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        List<float[]> pool = new ArrayList<>();
        for (int from = 0; from < VECTOR_POOL; from += 32) {
            pool.addAll(projects.embedder().passages(synthetic.subList(from, Math.min(VECTOR_POOL, from + 32)).stream()
                    .map(Documents::passage).toList()));
        }
        double embedSeconds = (System.nanoTime() - start) / 1e9;
        double embedCpuMs = (processCpuNanos() - cpu) / 1e6 / VECTOR_POOL;
        start = System.nanoTime();
        cpu = processCpuNanos();
        Random noise = new Random(VECTOR_POOL);
        int chunk = 10_000;
        for (int from = 0; from < synthetic.size(); from += chunk) {
            int to = Math.min(synthetic.size(), from + chunk);
            List<float[]> vectors = new ArrayList<>();
            for (int i = from; i < to; i++) {
                vectors.add(jitter(pool.get(i % VECTOR_POOL), noise));
            }
            projects.index().addAll(synthetic.subList(from, to), vectors);
            System.err.printf(Locale.ROOT, "[bench] %d indexed (pooled vectors), %.1f decl/s%n", to,
                    to / ((System.nanoTime() - start) / 1e9));
        }
        projects.index().commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        double lucene = synthetic.size() / seconds;
        double luceneCpuMs = (processCpuNanos() - cpu) / 1e6 / synthetic.size();
        double embedding = VECTOR_POOL / embedSeconds;
        return String.format(Locale.ROOT, "Lucene only %.1f (%.0f s; CPU %.1f ms/decl); embeddings %.1f/s over %,d "
                + "passages (CPU %.1f ms/passage); both in sequence %.1f (derived)", lucene, seconds, luceneCpuMs,
                embedding, VECTOR_POOL, embedCpuMs, 1 / (1 / lucene + 1 / embedding));
    }

    /** A unit vector nudged off its pool original (cosine ≈ 0.97), so that the HNSW graph does not hold copies. */
    private static float[] jitter(float[] v, Random noise) {
        float[] out = new float[v.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] + 0.01 * noise.nextGaussian());
            norm += out[i] * out[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /**
     * Distinct texts, so that nothing is served from a cache: dev queries, each with another district and year prefix;
     * 720 of them, so that the p99 is not just the second-slowest query of a short run.
     */
    static List<String> queries() throws Exception {
        String[] districts = {"", "岳麓区", "天心区", "雨花区", "开福区", "望城区", "浏阳市", "宁乡市"};
        String[] years = {"", "2024年", "2025年"};
        List<String> texts = new ArrayList<>();
        for (String year : years) {
            for (String district : districts) {
                for (RelevanceTest.DevQuery q : RelevanceTest.devQueries()) {
                    texts.add(year + district + q.projectName());
                }
            }
        }
        return texts;
    }

    private static String latency(SimilarProjects projects, List<String> texts, Set<String> legs) {
        for (int i = 0; i < WARMUP; i++) {
            projects.search(ProjectQuery.text(texts.get(i % texts.size()) + "工作"), 5, legs);
        }
        long[] nanos = new long[texts.size()];
        long cpu = processCpuNanos();
        for (int i = 0; i < nanos.length; i++) {
            ProjectQuery query = ProjectQuery.text(texts.get(i));
            long start = System.nanoTime();
            projects.search(query, 5, legs);
            nanos[i] = System.nanoTime() - start;
        }
        cpu = processCpuNanos() - cpu;
        slowest(texts, nanos, legs);
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%.1f / %.1f ms (CPU %.1f ms/query)", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, cpu / 1e6 / nanos.length);
    }

    /** The slowest queries of a run on stderr: what the tail is made of. */
    private static void slowest(List<String> texts, long[] nanos, Set<String> legs) {
        Integer[] order = new Integer[nanos.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> nanos[i]).reversed());
        for (int i = 0; i < Math.min(SLOWEST, order.length); i++) {
            System.err.printf(Locale.ROOT, "[bench] slow %s: %.1f ms %s%n", legs, nanos[order[i]] / 1e6,
                    texts.get(order[i]));
        }
    }

    /**
     * CPU time of the whole process (all threads): on a machine shared with other builds, wall-clock rates fall with
     * the load, while CPU time per declaration or per query says what the work costs.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private static void report(String format, Object... args) throws IOException {
        String line = String.format(Locale.ROOT, format, args);
        System.out.print(line);
        Files.writeString(ROOT.resolve("results.md"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
