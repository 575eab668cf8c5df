package cn.zhibiao.draft;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/** One appended line of the audit: who did what when, and the versions before and after. */
record AuditEvent(long id, Long draftId, String actor, OffsetDateTime at, String action, Integer versionBefore,
        Integer versionAfter, JsonNode detail) {
}
