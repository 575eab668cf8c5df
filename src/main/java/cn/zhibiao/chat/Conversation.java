package cn.zhibiao.chat;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A draft's conversation as {@code GET /api/drafts/{id}/chat} shows it: the turns in order, and every change the
 * assistant proposed with what became of it.
 */
record Conversation(List<Turn> turns, List<StoredChange> changes) {

    /** One message, who sent it and when, and the events the assistant answered (as they were streamed). */
    record Turn(long id, String message, String user, OffsetDateTime at, List<ChatEvent> events) {
    }

    enum Status {
        PROPOSED, ACCEPTED, REJECTED, UNDONE
    }

    /**
     * A proposed change: the version of the draft it was proposed against and, once accepted, the version it
     * produced. {@code undoes} names the accepted change an undo reverses; {@code decidedAt} orders acceptances.
     */
    record StoredChange(String id, Status status, ChatEvent.Change change, int proposedAgainstVersion,
            Integer appliedVersion, @JsonIgnore String undoes, @JsonIgnore OffsetDateTime decidedAt) {
    }
}
