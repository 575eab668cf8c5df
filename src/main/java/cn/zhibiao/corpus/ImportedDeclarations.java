package cn.zhibiao.corpus;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;

/** The declarations users imported, kept in PostgreSQL as canonical JSON and upserted by their stable id. */
@Repository
public class ImportedDeclarations {

    private final JdbcClient jdbc;

    ImportedDeclarations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void save(List<Declaration> declarations) {
        for (Declaration d : declarations) {
            jdbc.sql("""
                    INSERT INTO declaration (id, source, kind, project_name, year, body)
                    VALUES (:id, :source, :kind, :name, :year, CAST(:body AS jsonb))
                    ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, imported_at = now()
                    """)
                    .param("id", d.id())
                    .param("source", d.source())
                    .param("kind", d.kind().name())
                    .param("name", d.projectName())
                    .param("year", d.year())
                    .param("body", Json.mapper().writeValueAsString(d))
                    .update();
        }
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
}
