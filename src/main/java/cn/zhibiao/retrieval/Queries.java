package cn.zhibiao.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Builds the keyword legs from analysed query text; an absent leg is null, not a query that matches nothing. */
final class Queries {

    /** Distinct terms kept from one text: far below Lucene's clause limit, and a pasted document's head is enough. */
    static final int MAX_TERMS = 96;

    /** Parts of a longer query word this short are left out of the query (see {@link #words(String)}). */
    private static final int SHORT_PART_CHARS = 2;

    private final Analyzer words;
    private final Analyzer bigrams = Analysis.bigrams();

    Queries(Segmenter segmenter) {
        this.words = Analysis.words(segmenter);
    }

    /**
     * The query's words without the two-character parts of a longer word of the same query (HanLP's index mode gives
     * 城乡居民养老保险 and also 城乡居民, 养老保险, 城乡, 居民, 养老, 保险). Those short parts are the commonest words of
     * the corpus, and each was four field clauses over their postings: the slowest keyword searches at 100,000
     * declarations. Documents keep every part, so the longer words still find them; longer parts such as 养老保险
     * stay in the query, because they carry the topic when the whole compound is rare.
     */
    Set<String> words(String text) {
        Set<String> all = terms(words, text);
        Set<String> kept = new LinkedHashSet<>();
        for (String word : all) {
            boolean shortPart = word.length() <= SHORT_PART_CHARS
                    && all.stream().anyMatch(other -> other.length() > word.length() && other.contains(word));
            if (!shortPart) {
                kept.add(word);
            }
        }
        return kept;
    }

    Set<String> bigrams(String text) {
        return terms(bigrams, text);
    }

    /**
     * The word leg: the query's words in the declaration fields, name strongest; department and region words only
     * add to a project that already matched on its content.
     */
    Query words(String type, Set<String> content, Map<String, Float> boosts, Set<String> department,
            Set<String> region) {
        if (content.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String t : content) {
            boosts.forEach((field, boost) -> any.add(boosted(field, t, boost), Occur.SHOULD));
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER)
                .add(any.build(), Occur.MUST);
        department.forEach(t -> query.add(boosted(Fields.DEPARTMENT, t, 0.5f), Occur.SHOULD));
        region.forEach(t -> query.add(boosted(Fields.REGION, t, 0.3f), Occur.SHOULD));
        return query.build();
    }

    Query bigram(String type, String field, Set<String> grams, List<Query> filters) {
        if (grams.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER);
        filters.forEach(f -> query.add(f, Occur.FILTER));
        grams.forEach(g -> query.add(new TermQuery(new Term(field, g)), Occur.SHOULD));
        return query.setMinimumNumberShouldMatch(1).build();
    }

    private static Query boosted(String field, String term, float boost) {
        Query q = new TermQuery(new Term(field, term));
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("query", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
