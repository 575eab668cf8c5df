package cn.zhibiao.proposal;

import cn.zhibiao.indicator.Declaration;

/** A past declaration found for a project, with its stable id (cited in {@code sources}) and cosine similarity. */
public record SimilarExample(String declarationId, Declaration declaration, double score) {
}
