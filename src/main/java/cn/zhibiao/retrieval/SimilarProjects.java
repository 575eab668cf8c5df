package cn.zhibiao.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/**
 * Similar past projects and indicator rows, with evidence. Three legs are fused by rank: words (the chosen segmenter
 * plus the domain dictionary), CJK bigrams (recall for unknown words) and bge-small-zh vectors (meaning). A project is
 * shown only if its vector is close enough to the query's ({@code min-similarity}) and either not far behind the best
 * hit ({@code max-similarity-gap}) or sharing a domain word with the query: rank fusion says which is best, not
 * whether any is good. Thread-safe; calls block (Lucene and ONNX), so the web layer runs them off the event loop.
 */
public final class SimilarProjects implements Closeable {

    static final String LEG_WORDS = "keyword";
    static final String LEG_BIGRAM = "bigram";
    static final String LEG_VECTOR = "vector";
    static final int MAX_K = 50;

    private static final Map<String, Float> DECLARATION_FIELDS = Map.of(
            Fields.PROJECT_NAME, 3f, Fields.GOALS, 1f, Fields.INDICATORS, 0.5f, Fields.DEPARTMENT, 0.5f);
    private static final Map<String, Float> ROW_FIELDS = Map.of(Fields.ROW, 1f, Fields.ROW_PROJECT_NAME, 0.3f);

    private final RetrievalSettings settings;
    private final RetrievalIndex index;
    private final Embedder embedder;
    private final Queries queries;
    private final ExecutorService embeddingPool;

    private SimilarProjects(RetrievalSettings settings, RetrievalIndex index, Embedder embedder) {
        this.settings = settings;
        this.index = index;
        this.embedder = embedder;
        this.queries = new Queries(settings.segmenter());
        this.embeddingPool = Executors.newFixedThreadPool(settings.threads(),
                Thread.ofPlatform().name("query-embedding-", 0).daemon().factory());
    }

    /** Opens (or first builds) the index described by the settings. */
    public static SimilarProjects open(RetrievalSettings settings) {
        Embedder embedder = Embedder.of(settings);
        return new SimilarProjects(settings, RetrievalIndex.open(settings.indexDir(), settings.segmenter(), embedder,
                settings.corpusDir()), embedder);
    }

    /**
     * Loads the embedding model in the background: the first similarity query then waits only for what is left of the
     * loading, not for all of it.
     */
    void preloadModel() {
        embedder.preload();
    }

    /**
     * The factory of the commands, which run without Spring. While the web server holds the index, a command reads
     * the server's last commit without a writer (see {@link #inUseByServer}); otherwise it opens the index as the
     * server does.
     */
    public static SimilarProjects open(CommandSettings settings) {
        RetrievalSettings retrieval = RetrievalSettings.from(settings::get);
        if (RetrievalIndex.inUse(retrieval.indexDir())) {
            Embedder embedder = Embedder.of(retrieval);
            return new SimilarProjects(retrieval,
                    RetrievalIndex.openReadOnly(retrieval.indexDir(), retrieval.segmenter(), embedder), embedder);
        }
        return open(retrieval);
    }

    /** Whether another process (the web server on the same data directory) writes the index the commands read. */
    public static boolean inUseByServer(CommandSettings settings) {
        return RetrievalIndex.inUse(RetrievalSettings.from(settings::get).indexDir());
    }

    /** Drops the index content and indexes the corpus again. */
    public void rebuild() {
        try {
            index.replaceAll(Corpus.read(settings.corpusDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("重建检索索引失败", e);
        }
    }

    /** Adds or replaces one declaration (by its id); searchable when this returns. */
    public void index(Declaration declaration) {
        indexAll(List.of(declaration));
    }

    /**
     * Indexes those of {@code declarations} the index does not hold yet: user imports kept in PostgreSQL outlive an
     * index rebuilt from the corpus, and are caught up at startup without re-embedding the rest.
     */
    public int indexMissing(List<Declaration> declarations) {
        List<Declaration> missing = index.read(searcher -> {
            List<Declaration> absent = new ArrayList<>();
            for (Declaration d : declarations) {
                if (searcher.count(new TermQuery(new Term(Fields.ID, d.id()))) == 0) {
                    absent.add(d);
                }
            }
            return absent;
        });
        if (!missing.isEmpty()) {
            indexAll(missing);
        }
        return missing.size();
    }

    /** Adds or replaces declarations (an import), embedded in batches and committed once; searchable on return. */
    public void indexAll(List<Declaration> declarations) {
        try {
            index.addAll(declarations.stream().map(Declaration::withParsedValues).toList());
            index.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("写入检索索引失败", e);
        }
    }

    public SimilarResult search(ProjectQuery query, int k) {
        return search(query, k, Set.of(LEG_WORDS, LEG_BIGRAM, LEG_VECTOR));
    }

    /** The search with a chosen subset of legs: the benchmark times each leg alone. */
    SimilarResult search(ProjectQuery query, int k, Set<String> legs) {
        String text = cap(query.searchText());
        if (text.isBlank()) {
            throw new IllegalArgumentException("请填写项目名称或项目概述，才能查找相似项目。");
        }
        int wanted = Math.clamp(k, 1, MAX_K);
        Query words = legs.contains(LEG_WORDS) ? queries.words(Fields.TYPE_DECLARATION, queries.words(text),
                DECLARATION_FIELDS, queries.words(cap(query.department())), queries.words(cap(query.region()))) : null;
        Query bigram = legs.contains(LEG_BIGRAM)
                ? queries.bigram(Fields.TYPE_DECLARATION, Fields.BIGRAM, queries.bigrams(text), List.of()) : null;
        // The query embedding (ONNX) runs while the keyword legs search: on two cores that hides most of one behind
        // the other.
        CompletableFuture<float[]> embedding = legs.contains(LEG_VECTOR)
                ? CompletableFuture.supplyAsync(() -> embedder.query(text, settings.instructionMaxChars()),
                        embeddingPool)
                : CompletableFuture.completedFuture(null);
        return index.read(searcher -> {
            Fusion fusion = new Fusion(settings.rrfK());
            leg(searcher, fusion, LEG_WORDS, words);
            leg(searcher, fusion, LEG_BIGRAM, bigram);
            float[] vector = Embedder.joined(embedding);
            leg(searcher, fusion, LEG_VECTOR,
                    vector == null ? null : new KnnFloatVectorQuery(Fields.VECTOR, vector, settings.candidates()));
            Evidence evidence = new Evidence(searcher, words, bigram);
            List<Hit> hits = new ArrayList<>();
            List<Fusion.Candidate> ranked = fusion.ranked();
            Map<Integer, Double> similarities = new HashMap<>();
            for (Fusion.Candidate c : ranked) {
                similarities.put(c.doc(), vector == null ? 0 : similarity(searcher, c.doc(), vector));
            }
            double best = similarities.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double cutoff = Math.max(settings.minSimilarity(), best - settings.maxSimilarityGap());
            for (Fusion.Candidate c : ranked) {
                double similarity = similarities.get(c.doc());
                if (vector != null && similarity < settings.minSimilarity()) {
                    continue;
                }
                List<MatchedTerm> matched = evidence.matchedTerms(c.doc());
                // Far behind the best hit, only a shared domain word (就业创业, 区委…) says it is the same topic.
                if (vector != null && similarity < cutoff && !Evidence.sharesDomainWord(matched)) {
                    continue;
                }
                // Without the vector leg (benchmarks only) term evidence has to stand in for the similarity check.
                if (vector == null && !Evidence.substantial(matched)) {
                    continue;
                }
                Declaration d = Json.mapper().readValue(json(searcher, c.doc()), Declaration.class);
                hits.add(new Hit(d, round(c.score()), round(similarity), c.legs(), matched));
                if (hits.size() == wanted) {
                    break;
                }
            }
            return new SimilarResult(hits, hits.isEmpty());
        });
    }

    /**
     * An indexed past declaration by its id: naming a cited source needs no second search, and a similar-project link
     * or a cited source opens it.
     */
    public Optional<Declaration> declaration(String id) {
        return index.read(searcher -> find(searcher, id));
    }

    /**
     * Indicator rows of past projects like {@code text}, optionally of one 二级指标. Words and bigrams only: rows are
     * short and many, and a vector per row would multiply the cost of indexing for little gain over exact wording.
     */
    public List<IndicatorHit> similarIndicators(String level2, String text, int k) {
        String cut = cap(text);
        if (cut.isBlank()) {
            throw new IllegalArgumentException("请填写要查找的指标内容。");
        }
        List<Query> filters = level2 == null || level2.isBlank() ? List.of()
                : List.of(new TermQuery(new Term(Fields.LEVEL2, Documents.level2Label(level2))));
        Query words = withFilters(queries.words(Fields.TYPE_INDICATOR, queries.words(cut), ROW_FIELDS, Set.of(),
                Set.of()), filters);
        Query bigram = queries.bigram(Fields.TYPE_INDICATOR, Fields.ROW_BIGRAM, queries.bigrams(cut), filters);
        int wanted = Math.clamp(k, 1, MAX_K);
        return index.read(searcher -> {
            Fusion fusion = new Fusion(settings.rrfK());
            leg(searcher, fusion, LEG_WORDS, words);
            leg(searcher, fusion, LEG_BIGRAM, bigram);
            Evidence evidence = new Evidence(searcher, words, bigram);
            List<IndicatorHit> hits = new ArrayList<>();
            for (Fusion.Candidate c : fusion.ranked()) {
                List<MatchedTerm> matched = evidence.matchedTerms(c.doc());
                if (!Evidence.substantial(matched)) {
                    continue;
                }
                Indicator row = Json.mapper().readValue(json(searcher, c.doc()), Indicator.class);
                String owner = searcher.storedFields().document(c.doc()).get(Fields.OWNER);
                Declaration d = declaration(searcher, owner);
                hits.add(new IndicatorHit(row, owner, d.source(), d.projectName(), d.region(), d.department(),
                        d.year(), round(c.score()), c.legs(), matched));
                if (hits.size() == wanted) {
                    break;
                }
            }
            return hits;
        });
    }

    /** The filling-instruction examples of one 二级指标 (数量指标, 质量指标…), in the order of the instructions. */
    public List<InstructionExample> examples(String level2) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_EXAMPLE)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.LEVEL2, Documents.level2Label(level2))), Occur.FILTER)
                .build();
        return index.read(searcher -> {
            List<InstructionExample> examples = new ArrayList<>();
            TopDocs top = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()), Sort.INDEXORDER);
            for (ScoreDoc sd : top.scoreDocs) {
                examples.add(Json.mapper().readValue(json(searcher, sd.doc), InstructionExample.class));
            }
            return examples;
        });
    }

    /** Bytes the index takes on disk. */
    long sizeOnDisk() {
        try {
            return index.sizeOnDisk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RetrievalIndex index() {
        return index;
    }

    Embedder embedder() {
        return embedder;
    }

    @Override
    public void close() throws IOException {
        embeddingPool.shutdown();
        index.close();
    }

    private void leg(IndexSearcher searcher, Fusion fusion, String name, Query query) throws IOException {
        if (query != null) {
            fusion.add(name, searcher.search(query, settings.candidates()).scoreDocs);
        }
    }

    private static Query withFilters(Query query, List<Query> filters) {
        if (query == null || filters.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    private static String json(IndexSearcher searcher, int doc) throws IOException {
        return searcher.storedFields().document(doc, Set.of(Fields.JSON)).get(Fields.JSON);
    }

    private static Declaration declaration(IndexSearcher searcher, String id) throws IOException {
        return find(searcher, id).orElseThrow();
    }

    private static Optional<Declaration> find(IndexSearcher searcher, String id) throws IOException {
        // Rows and instruction examples have ids of their own ("…/3", "example/…"): only a declaration answers.
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_DECLARATION)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, id)), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, 1);
        return top.scoreDocs.length == 0 ? Optional.empty()
                : Optional.of(Json.mapper().readValue(json(searcher, top.scoreDocs[0].doc), Declaration.class));
    }

    /** Cosine of the query and the stored unit vector of a declaration. */
    private static double similarity(IndexSearcher searcher, int doc, float[] query) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) {
            return -1;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            return -1;
        }
        float[] v = values.vectorValue(it.index());
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * query[i];
        }
        return dot;
    }

    private String cap(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return t.length() <= settings.maxQueryChars() ? t : t.substring(0, settings.maxQueryChars());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
