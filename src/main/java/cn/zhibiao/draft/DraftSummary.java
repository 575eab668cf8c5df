package cn.zhibiao.draft;

import java.time.OffsetDateTime;

/** A line of the draft list and of the review queue. */
record DraftSummary(long id, int version, DraftStatus status, String department, Integer year, String projectName,
        String createdBy, OffsetDateTime updatedAt, int errors, int warnings) {
}
