package cn.zhibiao.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;

/**
 * The job's own tables (V51__bulk.sql): its files, the declarations read from them and one result per declaration.
 * Every write is keyed by item identity and idempotent, so a chunk that Spring Batch replays after a crash changes
 * nothing that was already committed.
 */
@Component
class BulkStore {

    static final String PENDING = "PENDING";
    static final String READ = "READ";
    static final String SKIPPED = "SKIPPED";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    /** Rows fetched per query when the results are walked for the workbook. */
    private static final int PAGE = 200;

    private final JdbcClient jdbc;

    BulkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record JobRow(long id, String owner, String department, boolean improve, String dir, Instant createdAt) {
    }

    record FileRow(int index, String name, String path, String status, Integer declarations, String reason) {
    }

    record Input(int fileIndex, int declIndex, String file, Declaration declaration) {
    }

    record Item(int fileIndex, int declIndex, String file, String status, String department, String report,
            String reason) {
    }

    record Counts(long read, long done, long skipped, long failed, long pendingFiles) {
    }

    long createJob(String owner, String department, boolean improve, String dir) {
        return jdbc.sql("INSERT INTO bulk_job (owner, department, improve, dir) VALUES (?, ?, ?, ?) RETURNING id")
                .params(owner, department, improve, dir).query(Long.class).single();
    }

    Optional<JobRow> job(long id) {
        return jdbc.sql("SELECT * FROM bulk_job WHERE id = ?").param(id).query(BulkStore::job).optional();
    }

    List<JobRow> jobs() {
        return jdbc.sql("SELECT * FROM bulk_job ORDER BY id DESC").query(BulkStore::job).list();
    }

    void addFile(long job, int index, String name, String path, String status, String reason) {
        jdbc.sql("INSERT INTO bulk_file (job_id, file_index, name, path, status, reason) VALUES (?, ?, ?, ?, ?, ?)")
                .params(job, index, name, path, status, reason).update();
    }

    List<FileRow> files(long job) {
        return jdbc.sql("SELECT * FROM bulk_file WHERE job_id = ? ORDER BY file_index").param(job)
                .query(BulkStore::file).list();
    }

    List<FileRow> pendingFiles(long job) {
        return jdbc.sql("SELECT * FROM bulk_file WHERE job_id = ? AND status = ? ORDER BY file_index")
                .params(job, PENDING).query(BulkStore::file).list();
    }

    void markRead(long job, int fileIndex, List<Declaration> declarations) {
        for (int i = 0; i < declarations.size(); i++) {
            jdbc.sql("INSERT INTO bulk_input (job_id, file_index, decl_index, declaration) VALUES (?, ?, ?, ?::jsonb) "
                            + "ON CONFLICT DO NOTHING")
                    .params(job, fileIndex, i, Json.mapper().writeValueAsString(declarations.get(i))).update();
        }
        jdbc.sql("UPDATE bulk_file SET status = ?, declarations = ?, reason = NULL WHERE job_id = ? AND file_index = ?")
                .params(READ, declarations.size(), job, fileIndex).update();
    }

    void markSkipped(long job, int fileIndex, String reason) {
        jdbc.sql("UPDATE bulk_file SET status = ?, reason = ? WHERE job_id = ? AND file_index = ?")
                .params(SKIPPED, reason, job, fileIndex).update();
    }

    /** Declarations after (file, declaration) in item order that have no result yet. */
    List<Input> openInputs(long job, int afterFile, int afterDecl, int limit) {
        return jdbc.sql("SELECT i.file_index, i.decl_index, f.name, i.declaration FROM bulk_input i "
                        + "JOIN bulk_file f ON f.job_id = i.job_id AND f.file_index = i.file_index "
                        + "WHERE i.job_id = ? AND (i.file_index, i.decl_index) > (?, ?) AND NOT EXISTS (SELECT 1 FROM "
                        + "bulk_item r WHERE r.job_id = i.job_id AND r.file_index = i.file_index "
                        + "AND r.decl_index = i.decl_index) ORDER BY i.file_index, i.decl_index LIMIT ?")
                .params(job, afterFile, afterDecl, limit)
                .query((rs, n) -> new Input(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        Json.mapper().readValue(rs.getString(4), Declaration.class)))
                .list();
    }

    /** Records an item's result once; the same item written again (a replayed chunk) is left as it was. */
    void saveItem(long job, int fileIndex, int declIndex, String status, String department, String report,
            String reason) {
        jdbc.sql("INSERT INTO bulk_item (job_id, file_index, decl_index, status, department, report, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")
                .params(job, fileIndex, declIndex, status, department, report, reason).update();
    }

    /** The declarations that could not be processed, in item order. */
    List<Item> failures(long job) {
        return jdbc.sql("SELECT i.file_index, i.decl_index, f.name, i.status, i.department, i.report, i.reason "
                        + "FROM bulk_item i JOIN bulk_file f ON f.job_id = i.job_id AND f.file_index = i.file_index "
                        + "WHERE i.job_id = ? AND i.status = ? ORDER BY i.file_index, i.decl_index")
                .params(job, FAILED)
                .query((rs, n) -> new Item(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    Counts counts(long job) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM bulk_input WHERE job_id = :job),
                       (SELECT count(*) FROM bulk_item WHERE job_id = :job AND status = 'DONE'),
                       (SELECT count(*) FROM bulk_file WHERE job_id = :job AND status = 'SKIPPED'),
                       (SELECT count(*) FROM bulk_item WHERE job_id = :job AND status = 'FAILED'),
                       (SELECT count(*) FROM bulk_file WHERE job_id = :job AND status = 'PENDING')
                """).param("job", job)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /** Items finished since {@code since}: the throughput of the running execution. */
    long finishedSince(long job, Instant since) {
        return jdbc.sql("SELECT count(*) FROM bulk_item WHERE job_id = ? AND finished_at >= ?")
                .params(job, Timestamp.from(since)).query(Long.class).single();
    }

    /**
     * Every result, by department (no department last), file and declaration, a page at a time so that memory holds
     * one page however large the job.
     */
    void eachItem(long job, Consumer<Item> consumer) {
        String department = "";
        int file = -1;
        int decl = -1;
        while (true) {
            List<Item> page = jdbc.sql("""
                    SELECT i.file_index, i.decl_index, f.name, i.status, i.department, i.report, i.reason
                    FROM bulk_item i JOIN bulk_file f ON f.job_id = i.job_id AND f.file_index = i.file_index
                    WHERE i.job_id = ? AND (coalesce(i.department, '\uffff'), i.file_index, i.decl_index) > (?, ?, ?)
                    ORDER BY coalesce(i.department, '\uffff'), i.file_index, i.decl_index LIMIT ?
                    """).params(job, department, file, decl, PAGE)
                    .query((rs, n) -> new Item(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)))
                    .list();
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            Item last = page.getLast();
            department = last.department() == null ? "\uffff" : last.department();
            file = last.fileIndex();
            decl = last.declIndex();
        }
    }

    private static JobRow job(ResultSet rs, int n) throws SQLException {
        return new JobRow(rs.getLong("id"), rs.getString("owner"), rs.getString("department"),
                rs.getBoolean("improve"), rs.getString("dir"), rs.getTimestamp("created_at").toInstant());
    }

    private static FileRow file(ResultSet rs, int n) throws SQLException {
        int declarations = rs.getInt("declarations");
        return new FileRow(rs.getInt("file_index"), rs.getString("name"), rs.getString("path"), rs.getString("status"),
                rs.wasNull() ? null : declarations, rs.getString("reason"));
    }
}
