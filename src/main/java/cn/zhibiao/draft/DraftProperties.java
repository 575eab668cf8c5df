package cn.zhibiao.draft;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhibiao.draft: how the "why was this flagged" answer draws examples from similar past projects, how alike a name
 * must be to count as last year's declaration of the same project, and the largest draft body accepted.
 */
@ConfigurationProperties("zhibiao.draft")
record DraftProperties(int similarProjects, int examples, double priorNameSimilarity, DataSize maxRequestSize) {
}
