package cn.zhibiao.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion: a document's score is the sum over legs of 1 / (k + rank). Ranks, not scores, are fused
 * because BM25 and cosine scores are on scales that cannot be compared.
 */
final class Fusion {

    record Candidate(int doc, double score, List<String> legs) {
    }

    private final int k;
    private final Map<Integer, double[]> scores = new LinkedHashMap<>();
    private final Map<Integer, TreeSet<String>> legs = new LinkedHashMap<>();

    Fusion(int k) {
        this.k = k;
    }

    Fusion add(String leg, ScoreDoc[] ranked) {
        for (int rank = 0; rank < ranked.length; rank++) {
            int doc = ranked[rank].doc;
            scores.computeIfAbsent(doc, d -> new double[1])[0] += 1.0 / (k + rank + 1);
            legs.computeIfAbsent(doc, d -> new TreeSet<>()).add(leg);
        }
        return this;
    }

    /** Best first; ties broken by document number so that the order is the same on every run. */
    List<Candidate> ranked() {
        List<Candidate> all = new ArrayList<>();
        scores.forEach((doc, s) -> all.add(new Candidate(doc, s[0], List.copyOf(legs.get(doc)))));
        all.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::doc));
        return all;
    }
}
