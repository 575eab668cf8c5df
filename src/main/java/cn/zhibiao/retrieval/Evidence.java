package cn.zhibiao.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Which query terms a hit matched, in which fields: Lucene's Matches API over the keyword legs. Weights are built
 * once per search and asked per hit.
 */
final class Evidence {

    private final IndexSearcher searcher;
    private final List<Weight> weights = new ArrayList<>();

    Evidence(IndexSearcher searcher, Query... legs) throws IOException {
        this.searcher = searcher;
        for (Query leg : legs) {
            if (leg != null) {
                weights.add(searcher.createWeight(searcher.rewrite(leg), ScoreMode.COMPLETE_NO_SCORES, 1));
            }
        }
    }

    List<MatchedTerm> matchedTerms(int doc) throws IOException {
        Map<String, Set<String>> fieldsByTerm = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        for (Weight weight : weights) {
            Matches matches = weight.matches(leaf, doc - leaf.docBase);
            if (matches == null) {
                continue;
            }
            for (String field : matches) {
                if (Fields.TYPE.equals(field) || Fields.LEVEL2.equals(field)) {
                    continue;
                }
                MatchesIterator it = matches.getMatches(field);
                while (it != null && it.next()) {
                    if (it.getQuery() instanceof TermQuery term) {
                        fieldsByTerm.computeIfAbsent(term.getTerm().text(), t -> new LinkedHashSet<>()).add(field);
                    }
                }
            }
        }
        List<MatchedTerm> terms = new ArrayList<>();
        fieldsByTerm.forEach((term, fields) -> terms.add(new MatchedTerm(term, List.copyOf(fields))));
        return terms;
    }

    /** True when a word of the domain dictionary matched in a word field (bigrams do not count). */
    static boolean sharesDomainWord(List<MatchedTerm> terms) {
        return terms.stream().anyMatch(t -> DomainDictionary.TERMS.contains(t.term()) && !bigramOnly(t));
    }

    /** True when the hit shares at least one word, or two character pairs, with the query. */
    static boolean substantial(List<MatchedTerm> terms) {
        long bigramOnly = terms.stream().filter(Evidence::bigramOnly).count();
        return terms.size() > bigramOnly || bigramOnly >= 2;
    }

    private static boolean bigramOnly(MatchedTerm term) {
        return term.fields().stream().allMatch(f -> f.equals(Fields.BIGRAM) || f.equals(Fields.ROW_BIGRAM));
    }
}
