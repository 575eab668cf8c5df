package cn.zhibiao.proposal;

import cn.zhibiao.indicator.Indicator;

/**
 * An indicator row of some past project whose wording is like this project's, found row by row rather than project
 * by project: precedent for a category the most similar projects left empty or unmeasurable.
 */
public record SimilarRow(String declarationId, String projectName, String region, Integer year, Indicator row,
        double score) {
}
