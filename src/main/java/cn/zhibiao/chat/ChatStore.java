package cn.zhibiao.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

import cn.zhibiao.system.Json;

/** Chat turns and proposed changes in PostgreSQL, beside the draft they are about. Callers hold transactions. */
@Repository
class ChatStore {

    private static final TypeReference<List<ChatEvent>> EVENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ChatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long startTurn(long draftId, String author, int draftVersion, String message) {
        return jdbc.sql("""
                        INSERT INTO chat_turn (draft_id, author, draft_version, message)
                        VALUES (:draft, :author, :version, :message) RETURNING id
                        """)
                .param("draft", draftId).param("author", author).param("version", draftVersion)
                .param("message", message).query(Long.class).single();
    }

    void saveEvents(long turnId, List<ChatEvent> events) {
        jdbc.sql("UPDATE chat_turn SET events = CAST(:events AS jsonb) WHERE id = :id")
                .param("id", turnId).param("events", Json.mapper().writerFor(EVENTS).writeValueAsString(events))
                .update();
    }

    void propose(long draftId, long turnId, ChatEvent.Change change, int draftVersion, String undoes) {
        jdbc.sql("""
                        INSERT INTO chat_change
                          (draft_id, id, turn_id, status, change, proposed_against_version, undoes)
                        VALUES (:draft, :id, :turn, 'PROPOSED', CAST(:change AS jsonb), :version, :undoes)
                        """)
                .param("draft", draftId).param("id", change.id()).param("turn", turnId)
                .param("change", Json.mapper().writeValueAsString(change)).param("version", draftVersion)
                .param("undoes", undoes).update();
    }

    List<Conversation.Turn> turns(long draftId) {
        return jdbc.sql("""
                        SELECT id, message, author, at, events::text FROM chat_turn
                        WHERE draft_id = :draft ORDER BY id
                        """)
                .param("draft", draftId)
                .query((rs, n) -> new Conversation.Turn(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), Json.mapper().readValue(rs.getString(5), EVENTS)))
                .list();
    }

    /** The draft's changes in the order they were proposed. */
    List<Conversation.StoredChange> changes(long draftId) {
        return jdbc.sql("SELECT * FROM chat_change WHERE draft_id = :draft ORDER BY turn_id, proposed_at")
                .param("draft", draftId).query(ChatStore::change).list();
    }

    Optional<Conversation.StoredChange> change(long draftId, String id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM chat_change WHERE draft_id = :draft AND id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("draft", draftId).param("id", id).query(ChatStore::change).optional();
    }

    void decide(long draftId, String id, Conversation.Status status, Integer appliedVersion, String user) {
        jdbc.sql("""
                        UPDATE chat_change SET status = :status, applied_version = COALESCE(:applied, applied_version),
                          decided_by = :user, decided_at = clock_timestamp()
                        WHERE draft_id = :draft AND id = :id
                        """)
                .param("draft", draftId).param("id", id).param("status", status.name())
                .param("applied", appliedVersion).param("user", user).update();
    }

    private static Conversation.StoredChange change(ResultSet rs, int n) throws SQLException {
        return new Conversation.StoredChange(rs.getString("id"), Conversation.Status.valueOf(rs.getString("status")),
                Json.mapper().readValue(rs.getString("change"), ChatEvent.Change.class),
                rs.getInt("proposed_against_version"), (Integer) rs.getObject("applied_version"),
                rs.getString("undoes"), rs.getObject("decided_at", OffsetDateTime.class));
    }
}
