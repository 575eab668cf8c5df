package cn.zhibiao.proposal;

import java.util.List;

import cn.zhibiao.indicator.Level2;

/**
 * Where proposals find precedent: past declarations like this project (scored by
 * the cosine similarity of their vectors), and the worked examples of the filling
 * instructions. The retrieval service answers this in production.
 */
public interface ExampleSource {

    /** Up to {@code k} past declarations most like {@code project}, best first; empty when none is relevant. */
    List<SimilarExample> similar(ProjectBrief project, int k);

    /** The filling-instruction examples written for one level-2 category. */
    List<GuidanceExample> guidance(Level2 level2);
}
