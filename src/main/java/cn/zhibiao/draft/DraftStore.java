package cn.zhibiao.draft;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.system.Json;

/**
 * Drafts, their versions, overrides, comments and audit in PostgreSQL. Callers hold the transaction; a save is one
 * conditional UPDATE of the version counter plus one INSERT of the version, so concurrent saves of one version
 * serialise on the row and exactly one of them matches.
 */
@Repository
class DraftStore {

    /** Declaration-level findings have no indicator; the override table keys them as -1. */
    private static final int WHOLE_DECLARATION = -1;
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    DraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mutable head of a draft. */
    record Head(long id, int version, DraftStatus status, String department, Integer year, String projectName,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record Filter(Collection<String> departments, DraftStatus status, String department, Integer year, String text) {
    }

    long create(String department, Declaration declaration, List<Finding> findings, String author) {
        long id = jdbc.sql("""
                        INSERT INTO draft (department, year, project_name, status, version, created_by)
                        VALUES (:department, :year, :name, 'DRAFT', 1, :author) RETURNING id
                        """)
                .param("department", department).param("year", declaration.year())
                .param("name", nullToEmpty(declaration.projectName())).param("author", author)
                .query(Long.class).single();
        insertVersion(id, 1, declaration, findings, author);
        return id;
    }

    Optional<Head> head(long id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM draft WHERE id = :id AND deleted_at IS NULL" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id).query(DraftStore::head).optional();
    }

    /** The next version, if {@code expected} is still the current one and the draft may be edited. */
    boolean saveVersion(long id, int expected, Declaration declaration, List<Finding> findings, String author) {
        int updated = jdbc.sql("""
                        UPDATE draft SET version = version + 1, updated_at = now(), year = :year, project_name = :name
                        WHERE id = :id AND version = :expected AND deleted_at IS NULL
                          AND status IN ('DRAFT', 'RETURNED')
                        """)
                .param("id", id).param("expected", expected).param("year", declaration.year())
                .param("name", nullToEmpty(declaration.projectName())).update();
        if (updated == 0) {
            return false;
        }
        insertVersion(id, expected + 1, declaration, findings, author);
        return true;
    }

    private void insertVersion(long id, int version, Declaration declaration, List<Finding> findings, String author) {
        jdbc.sql("""
                        INSERT INTO draft_version (draft_id, version, author, declaration, findings)
                        VALUES (:id, :version, :author, CAST(:declaration AS jsonb), CAST(:findings AS jsonb))
                        """)
                .param("id", id).param("version", version).param("author", author)
                .param("declaration", Json.mapper().writeValueAsString(declaration))
                .param("findings", Json.mapper().writeValueAsString(findings))
                .update();
    }

    Optional<VersionInfo> version(long id, int version) {
        return jdbc.sql("""
                        SELECT version, author, created_at, declaration::text, findings::text FROM draft_version
                        WHERE draft_id = :id AND version = :version
                        """)
                .param("id", id).param("version", version).query(DraftStore::version).optional();
    }

    List<VersionInfo> versions(long id) {
        return jdbc.sql("""
                        SELECT version, author, created_at, declaration::text, findings::text FROM draft_version
                        WHERE draft_id = :id ORDER BY version
                        """)
                .param("id", id).query(DraftStore::version).list();
    }

    void setStatus(long id, DraftStatus status) {
        jdbc.sql("UPDATE draft SET status = :status, updated_at = now() WHERE id = :id")
                .param("id", id).param("status", status.name()).update();
    }

    void softDelete(long id) {
        jdbc.sql("UPDATE draft SET deleted_at = now() WHERE id = :id").param("id", id).update();
    }

    List<FindingOverride> overrides(long id) {
        return jdbc.sql("""
                        SELECT indicator_index, rule_id, reason, author, created_at FROM draft_override
                        WHERE draft_id = :id ORDER BY indicator_index, rule_id
                        """)
                .param("id", id)
                .query((rs, n) -> new FindingOverride(rs.getInt(1) == WHOLE_DECLARATION ? null : rs.getInt(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    void putOverride(long id, Integer indicatorIndex, String ruleId, String reason, String author) {
        jdbc.sql("""
                        INSERT INTO draft_override (draft_id, indicator_index, rule_id, reason, author)
                        VALUES (:id, :index, :rule, :reason, :author)
                        ON CONFLICT (draft_id, indicator_index, rule_id)
                        DO UPDATE SET reason = EXCLUDED.reason, author = EXCLUDED.author, created_at = now()
                        """)
                .param("id", id).param("index", indicatorIndex == null ? WHOLE_DECLARATION : indicatorIndex)
                .param("rule", ruleId).param("reason", reason).param("author", author).update();
    }

    List<Comment> comments(long id) {
        return jdbc.sql("""
                        SELECT indicator_index, text, author, version, created_at FROM draft_comment
                        WHERE draft_id = :id ORDER BY id
                        """)
                .param("id", id)
                .query((rs, n) -> new Comment((Integer) rs.getObject(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    void addComment(long id, int version, Integer indicatorIndex, String text, String author) {
        jdbc.sql("""
                        INSERT INTO draft_comment (draft_id, version, indicator_index, text, author)
                        VALUES (:id, :version, :index, :text, :author)
                        """)
                .param("id", id).param("version", version).param("index", indicatorIndex).param("text", text)
                .param("author", author).update();
    }

    void audit(Long draftId, String actor, String action, Integer before, Integer after, Map<String, ?> detail) {
        jdbc.sql("""
                        INSERT INTO audit_event (draft_id, actor, action, version_before, version_after, detail)
                        VALUES (:draft, :actor, :action, :before, :after, CAST(:detail AS jsonb))
                        """)
                .param("draft", draftId).param("actor", actor).param("action", action).param("before", before)
                .param("after", after).param("detail", Json.mapper().writeValueAsString(detail)).update();
    }

    List<AuditEvent> history(long id) {
        return jdbc.sql("SELECT * FROM audit_event WHERE draft_id = :id ORDER BY id").param("id", id)
                .query(DraftStore::event).list();
    }

    /** Events not about one draft (rule configuration changes), newest first. */
    List<AuditEvent> systemHistory() {
        return jdbc.sql("SELECT * FROM audit_event WHERE draft_id IS NULL ORDER BY id DESC").query(DraftStore::event)
                .list();
    }

    Optional<AuditEvent> lastEvent(String action) {
        return jdbc.sql("SELECT * FROM audit_event WHERE draft_id IS NULL AND action = :action ORDER BY id DESC LIMIT 1")
                .param("action", action).query(DraftStore::event).optional();
    }

    List<DraftSummary> list(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT d.*,
                  (SELECT count(*) FROM jsonb_array_elements(v.findings) f WHERE f->>'severity' = 'ERROR') AS errors,
                  (SELECT count(*) FROM jsonb_array_elements(v.findings) f WHERE f->>'severity' = 'WARNING') AS warnings
                FROM draft d JOIN draft_version v ON v.draft_id = d.id AND v.version = d.version
                WHERE d.deleted_at IS NULL
                """);
        Map<String, Object> params = new HashMap<>();
        if (filter.departments() != null) {
            sql.append(" AND d.department = ANY(:departments)");
            params.put("departments", filter.departments().toArray(String[]::new));
        }
        if (filter.status() != null) {
            sql.append(" AND d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.department() != null) {
            sql.append(" AND d.department = :department");
            params.put("department", filter.department());
        }
        if (filter.year() != null) {
            sql.append(" AND d.year = :year");
            params.put("year", filter.year());
        }
        if (filter.text() != null) {
            sql.append(" AND (d.project_name ILIKE :text OR v.declaration::text ILIKE :text)");
            params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY d.updated_at DESC, d.id DESC");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> {
                    Head h = head(rs, n);
                    return new DraftSummary(h.id(), h.version(), h.status(), h.department(), h.year(), h.projectName(),
                            h.createdBy(), h.updatedAt(), rs.getInt("errors"), rs.getInt("warnings"));
                })
                .list();
    }

    /** Drafts of one department and year, for the prior-year search. */
    List<Head> ofDepartmentAndYear(String department, int year) {
        return jdbc.sql("SELECT * FROM draft WHERE deleted_at IS NULL AND department = :department AND year = :year")
                .param("department", department).param("year", year).query(DraftStore::head).list();
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong("id"), rs.getInt("version"), DraftStatus.valueOf(rs.getString("status")),
                rs.getString("department"), (Integer) rs.getObject("year"), rs.getString("project_name"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static VersionInfo version(ResultSet rs, int n) throws SQLException {
        return new VersionInfo(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                Json.mapper().readValue(rs.getString(4), Declaration.class),
                Json.mapper().readValue(rs.getString(5), FINDINGS));
    }

    private static AuditEvent event(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(rs.getLong("id"), (Long) rs.getObject("draft_id"), rs.getString("actor"),
                rs.getObject("at", OffsetDateTime.class), rs.getString("action"),
                (Integer) rs.getObject("version_before"), (Integer) rs.getObject("version_after"),
                Json.mapper().readTree(rs.getString("detail")));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
