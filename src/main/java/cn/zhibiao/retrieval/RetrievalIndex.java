package cn.zhibiao.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;

/**
 * The one IndexWriter of the index directory and a SearcherManager over it. Declarations are upserted by their id
 * term; every write is committed and made visible before the call returns, so an import is searchable at once.
 * An index written with another schema, segmenter, embedding model or corpus (by fingerprint), or one that fails its
 * checksums, is rebuilt from the corpus; an unchanged one is opened as it is, without reading the corpus.
 */
final class RetrievalIndex implements Closeable {

    /** Bump when fields or their analysis change: an index of another schema is rebuilt, not misread. */
    private static final String SCHEMA = "2";
    private static final String SCHEMA_KEY = "schema";
    private static final String SEGMENTER_KEY = "segmenter";
    private static final String MODEL_KEY = "embedding-model";
    private static final String CORPUS_KEY = "corpus-sha256";
    private static final int EMBED_BATCH = 32;
    /** Batches being embedded while one is indexed. */
    private static final int EMBED_AHEAD = 2;
    private static final long MERGE_POLL_MILLIS = 100;
    private static final String MISSING = "不存在";
    private static final Logger log = LoggerFactory.getLogger(RetrievalIndex.class);

    private final Path dir;
    private final Segmenter segmenter;
    private final Embedder embedder;
    private final Directory directory;
    /** Null when another process writes the index and this one only reads it (a command beside the server). */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile String corpusFingerprint;

    private RetrievalIndex(Path dir, Segmenter segmenter, Embedder embedder, Directory directory, IndexWriter writer,
            String corpusFingerprint) throws IOException {
        this(dir, segmenter, embedder, directory, writer, new SearcherManager(writer, null), corpusFingerprint);
    }

    private RetrievalIndex(Path dir, Segmenter segmenter, Embedder embedder, Directory directory, IndexWriter writer,
            SearcherManager searchers, String corpusFingerprint) {
        this.dir = dir;
        this.segmenter = segmenter;
        this.embedder = embedder;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.corpusFingerprint = corpusFingerprint;
    }

    /** Whether another process (the web server) holds the writer of the index in {@code dir}. */
    static boolean inUse(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(dir);
                Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("无法打开检索索引目录 " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * The last commit of an index that another process writes, read without a writer and so without its lock: the
     * commands work beside a running server. Writes are refused.
     */
    static RetrievalIndex openReadOnly(Path dir, Segmenter segmenter, Embedder embedder) {
        try {
            Directory directory = FSDirectory.open(dir);
            return new RetrievalIndex(dir, segmenter, embedder, directory, null,
                    new SearcherManager(directory, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取检索索引 " + dir.toAbsolutePath(), e);
        }
    }

    private IndexWriter writer() {
        if (writer == null) {
            throw new IllegalStateException("检索索引 " + dir.toAbsolutePath() + " 正由网页服务使用，命令只能读取；请在网页中导入，或先停止服务。");
        }
        return writer;
    }

    /** Opens the index in {@code dir}, building it from {@code corpusDir} when it is missing, stale or damaged. */
    static RetrievalIndex open(Path dir, Segmenter segmenter, Embedder embedder, Path corpusDir) {
        try {
            Files.createDirectories(dir);
            Map<String, String> expected = Map.of(SCHEMA_KEY, SCHEMA, SEGMENTER_KEY, segmenter.name(), MODEL_KEY,
                    embedder.kind().name(), CORPUS_KEY, Corpus.fingerprint(corpusDir));
            String problem = problem(dir, expected);
            if (problem == null) {
                Directory directory = FSDirectory.open(dir);
                return new RetrievalIndex(dir, segmenter, embedder, directory,
                        new IndexWriter(directory, config(segmenter, IndexWriterConfig.OpenMode.APPEND)),
                        expected.get(CORPUS_KEY));
            }
            if (problem.equals(MISSING)) {
                log.info("检索索引 {} 不存在，正在从语料建立", dir.toAbsolutePath());
            } else {
                log.warn("检索索引 {} {}，正在从语料重建", dir.toAbsolutePath(), problem);
            }
            clear(dir);
            Directory directory = FSDirectory.open(dir);
            Corpus corpus = Corpus.read(corpusDir);
            RetrievalIndex index = new RetrievalIndex(dir, segmenter, embedder, directory,
                    new IndexWriter(directory, config(segmenter, IndexWriterConfig.OpenMode.CREATE)),
                    corpus.fingerprint());
            index.replaceAll(corpus);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("无法打开检索索引目录 " + dir.toAbsolutePath(), e);
        }
    }

    /** Why the index cannot be used as it is, or null when it can. */
    private static String problem(Path dir, Map<String, String> expected) {
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return MISSING;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!SCHEMA.equals(data.get(SCHEMA_KEY)) || !expected.get(SEGMENTER_KEY).equals(data.get(SEGMENTER_KEY))
                    || !expected.get(MODEL_KEY).equals(data.get(MODEL_KEY))) {
                return "的结构、分词器或向量模型与当前配置不同";
            }
            if (!expected.get(CORPUS_KEY).equals(data.get(CORPUS_KEY))) {
                return "建立后语料已有变化";
            }
            try (CheckIndex check = new CheckIndex(directory)) {
                check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
                check.setInfoStream(null);
                if (!check.checkIndex().clean) {
                    return "校验失败";
                }
            }
            return null;
        } catch (LockObtainFailedException e) {
            // Another process owns the index: rebuilding would delete the files under its feet.
            throw new IllegalStateException("检索索引 " + dir.toAbsolutePath() + " 正被另一个进程使用（网页服务？），请先停止它再运行命令。", e);
        } catch (IOException | RuntimeException e) {
            return "无法读取（" + e.getClass().getSimpleName() + "）";
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(p);
            }
        }
    }

    private static IndexWriterConfig config(Segmenter segmenter, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(Analysis.perField(segmenter)).setOpenMode(mode).setRAMBufferSizeMB(128);
    }

    /** Replaces the whole content with the corpus: the {@code index --rebuild} command and first start. */
    void replaceAll(Corpus corpus) throws IOException {
        corpusFingerprint = corpus.fingerprint();
        writer().deleteAll();
        for (InstructionExample e : corpus.examples()) {
            writer().addDocument(Documents.example(e));
        }
        addAll(corpus.declarations());
        commit();
        log.info("检索索引 {} 已建立：{} 份申报，{} 条示例", dir.toAbsolutePath(), corpus.declarations().size(),
                corpus.examples().size());
    }

    /**
     * Upserts many declarations, embedding them in batches; visible after {@link #commit()}. The next batches are
     * embedded while Lucene indexes this one: indexing runs on one thread and would otherwise leave the other cores
     * idle, and with two batches queued the embedding threads do not wait at the end of one for its slowest passage.
     */
    void addAll(List<Declaration> declarations) throws IOException {
        Deque<CompletableFuture<List<float[]>>> embedding = new ArrayDeque<>();
        int next = 0;
        for (int from = 0; from < declarations.size(); from += EMBED_BATCH) {
            for (; embedding.size() < EMBED_AHEAD && next < declarations.size(); next += EMBED_BATCH) {
                List<String> passages = batch(declarations, next).stream().map(Documents::passage).toList();
                embedding.add(CompletableFuture.supplyAsync(() -> embedder.passages(passages),
                        runnable -> Thread.ofPlatform().name("index-embedding").daemon().start(runnable)));
            }
            addAll(batch(declarations, from), Embedder.joined(embedding.poll()));
        }
    }

    private static List<Declaration> batch(List<Declaration> declarations, int from) {
        return declarations.subList(from, Math.min(declarations.size(), from + EMBED_BATCH));
    }

    /** Upserts declarations whose vectors are already known (the benchmark separates embedding from indexing). */
    void addAll(List<Declaration> declarations, List<float[]> vectors) throws IOException {
        for (int i = 0; i < declarations.size(); i++) {
            Declaration d = declarations.get(i);
            writer().updateDocuments(new Term(Fields.OWNER, d.id()), Documents.declaration(d, vectors.get(i)));
        }
    }

    /** Blocks until Lucene's background merges are done: the benchmark times queries on a settled index. */
    void awaitMerges() throws InterruptedException {
        IndexWriter w = writer();
        while (w.hasPendingMerges() || !w.getMergingSegments().isEmpty()) {
            Thread.sleep(MERGE_POLL_MILLIS);
        }
    }

    void commit() throws IOException {
        writer().setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA, SEGMENTER_KEY, segmenter.name(), MODEL_KEY,
                embedder.kind().name(), CORPUS_KEY, corpusFingerprint).entrySet());
        writer().commit();
        searchers.maybeRefreshBlocking();
    }

    /** Runs a read on a searcher of the latest commit, releasing it afterwards. */
    <T> T read(SearcherFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("读取检索索引失败：" + dir.toAbsolutePath(), e);
        }
    }

    long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        List<Closeable> all = new ArrayList<>(List.of(searchers, directory));
        if (writer != null) {
            all.add(1, writer);
        }
        IOException first = null;
        for (Closeable c : all) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
