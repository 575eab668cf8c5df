package cn.zhibiao.chat;

import java.util.List;

/**
 * One turn of a conversation so far: the user's message, what the assistant answered, and the ids of the proposed
 * changes the user has since accepted (in the order accepted), which an undo request reverses.
 */
public record ChatTurn(String message, List<ChatEvent> events, List<String> acceptedChangeIds) {

    public ChatTurn {
        events = events == null ? List.of() : List.copyOf(events);
        acceptedChangeIds = acceptedChangeIds == null ? List.of() : List.copyOf(acceptedChangeIds);
    }

    public ChatTurn(String message, List<ChatEvent> events) {
        this(message, events, List.of());
    }
}
