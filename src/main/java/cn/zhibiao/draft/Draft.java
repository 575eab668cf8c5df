package cn.zhibiao.draft;

import java.time.OffsetDateTime;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.Finding;

/**
 * A draft as the API shows it: its current version's declaration and the checker's findings for that version, with
 * the overrides its author wrote and the reviewers' comments.
 */
public record Draft(
        long id,
        int version,
        DraftStatus status,
        String department,
        Integer year,
        String projectName,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Declaration declaration,
        List<Finding> findings,
        List<FindingOverride> overrides,
        List<Comment> comments) {
}
