package cn.zhibiao.corpus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;

/**
 * The declarations users imported, kept in PostgreSQL as canonical JSON. Insert-only: each belongs to the upload that
 * brought it, and nothing here replaces a stored declaration.
 */
@Repository
public class ImportedDeclarations {

    /** A NUL escaped in JSON (and not a literal backslash before "u0000"): PostgreSQL text cannot hold it. */
    private static final Pattern ESCAPED_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*+)\\\\u0000");

    private final JdbcClient jdbc;

    ImportedDeclarations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An upload and its declarations as stored. */
    public record Stored(UUID upload, List<Declaration> declarations) {
    }

    /** The upload of a byte-identical file, or null. */
    public Stored findUpload(byte[] content) {
        return jdbc.sql("SELECT id FROM upload WHERE sha256 = :sha").param("sha", sha256(content))
                .query(UUID.class).optional()
                .map(id -> new Stored(id, of(id)))
                .orElse(null);
    }

    /**
     * Stores a new upload and its declarations. When the same bytes were stored meanwhile by a concurrent request,
     * that upload is returned instead and nothing is written.
     */
    @Transactional
    public Stored save(UUID upload, String fileName, byte[] content, List<Declaration> declarations) {
        int inserted = jdbc.sql("""
                        INSERT INTO upload (id, file_name, sha256, size_bytes) VALUES (:id, :name, :sha, :size)
                        ON CONFLICT (sha256) DO NOTHING
                        """)
                .param("id", upload).param("name", withoutNul(fileName)).param("sha", sha256(content))
                .param("size", content.length)
                .update();
        if (inserted == 0) {
            return findUpload(content);
        }
        for (Declaration d : declarations) {
            insert(d, upload, "");
        }
        return new Stored(upload, List.copyOf(declarations));
    }

    /**
     * Stores the declaration of an approved draft under its draft's id. A draft approved again after a return replaces
     * its own earlier entry; an upload's declarations, which have an upload id, are never touched.
     */
    @Transactional
    public void saveApproved(Declaration declaration) {
        insert(declaration, null, """
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, imported_at = now()
                WHERE declaration.upload_id IS NULL
                """);
    }

    private void insert(Declaration d, UUID upload, String onConflict) {
        jdbc.sql("""
                INSERT INTO declaration (id, source, kind, project_name, year, body, upload_id)
                VALUES (:id, :source, :kind, :name, :year, CAST(:body AS jsonb), CAST(:upload AS uuid))
                """ + onConflict)
                .param("id", d.id())
                .param("source", withoutNul(d.source()))
                .param("kind", d.kind().name())
                .param("name", withoutNul(d.projectName()))
                .param("year", d.year())
                .param("body", ESCAPED_NUL.matcher(Json.mapper().writeValueAsString(d)).replaceAll("$1"))
                .param("upload", upload)
                .update();
    }

    /** The stored declarations of these ids (those that exist), for an instance told of another's import. */
    public List<Declaration> byIds(List<String> ids) {
        return jdbc.sql("SELECT body::text FROM declaration WHERE id = ANY(:ids) ORDER BY imported_at, id")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, n) -> Json.mapper().readValue(rs.getString(1), Declaration.class))
                .list();
    }

    public List<Declaration> all() {
        return jdbc.sql("SELECT body::text FROM declaration ORDER BY imported_at, id")
                .query((rs, n) -> Json.mapper().readValue(rs.getString(1), Declaration.class))
                .list();
    }

    private List<Declaration> of(UUID upload) {
        return jdbc.sql("SELECT body::text FROM declaration WHERE upload_id = :upload ORDER BY id")
                .param("upload", upload)
                .query((rs, n) -> Json.mapper().readValue(rs.getString(1), Declaration.class))
                .list();
    }

    private static String withoutNul(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
