package cn.zhibiao.retrieval;

import java.util.List;

/**
 * The answer to "which past projects are like this one". {@code belowThreshold} is true when nothing cleared the
 * relevance threshold: the hit list is then empty rather than padded with unrelated projects.
 */
public record SimilarResult(List<Hit> hits, boolean belowThreshold) {

    public SimilarResult {
        hits = List.copyOf(hits);
    }
}
