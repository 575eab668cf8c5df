package cn.zhibiao.chat;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.rules.Finding;

/**
 * What one chat turn answers, as typed events. Serialised, each carries {@code type} — its server-sent event name —
 * and its fields, so the same record is an SSE {@code data:} payload, a line of the {@code chat} command's output and
 * a stored turn.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChatEvent.Understood.class, name = "intent"),
        @JsonSubTypes.Type(value = ChatEvent.Token.class, name = "token"),
        @JsonSubTypes.Type(value = ChatEvent.Source.class, name = "source"),
        @JsonSubTypes.Type(value = ChatEvent.Flag.class, name = "finding"),
        @JsonSubTypes.Type(value = ChatEvent.Question.class, name = "question"),
        @JsonSubTypes.Type(value = ChatEvent.Change.class, name = "change"),
        @JsonSubTypes.Type(value = ChatEvent.Done.class, name = "done"),
        @JsonSubTypes.Type(value = ChatEvent.Failed.class, name = "error")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ChatEvent {

    /** The server-sent event name, the same as the serialised {@code type}. */
    String type();

    /** What the assistant understood: the intent and its arguments. */
    record Understood(Intent intent, IntentArgs args) implements ChatEvent {
        @Override
        public String type() {
            return "intent";
        }
    }

    /** A piece of the answer text. */
    record Token(String text) implements ChatEvent {
        @Override
        public String type() {
            return "token";
        }
    }

    /**
     * A cited past declaration ({@code kind} DECLARATION) or filling-instruction entry (INSTRUCTION): its id, the file
     * it came from, the project name, and {@code title} as users see it, 《项目名》（地区 年度）.
     */
    record Source(String id, String kind, String source, String projectName, String region, Integer year,
            String title) implements ChatEvent {
        @Override
        public String type() {
            return "source";
        }
    }

    /** A checker finding with the rule's explanation: what is wrong, why the rule exists, how to fix it, its basis. */
    record Flag(String ruleId, String title, String severity, Integer indicatorIndex, String level2, String name,
            String value, Finding.Span span, String message, String suggestion, String why, List<String> basis)
            implements ChatEvent {
        @Override
        public String type() {
            return "finding";
        }
    }

    /**
     * A fact the assistant needs and will not invent ({@code fact}: COUNT, DEADLINE); the next message answering it
     * resumes {@code intent} with {@code args}.
     */
    record Question(String id, String fact, String text, Intent intent, IntentArgs args) implements ChatEvent {
        @Override
        public String type() {
            return "question";
        }
    }

    /**
     * A proposed edit of the draft, applied only when the user accepts it ({@link Changes}). {@code previous} is the
     * row as the draft had it (null for an add), so that an accepted change can be checked for staleness and undone.
     */
    record Change(String id, Op op, Integer indicatorIndex, ChangeRow row, String rationale, List<String> sources,
            List<Finding> findings, Indicator previous) implements ChatEvent {

        public Change {
            sources = sources == null ? List.of() : List.copyOf(sources);
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        @Override
        public String type() {
            return "change";
        }
    }

    /** The end of a turn. */
    record Done(Intent intent, int changes, int questions) implements ChatEvent {
        @Override
        public String type() {
            return "done";
        }
    }

    /** The turn failed; the message is for users, in Chinese. */
    record Failed(String message) implements ChatEvent {
        @Override
        public String type() {
            return "error";
        }
    }

    /** The row of a change, as the indicator table shows it. */
    record ChangeRow(String level1, String level2, String name, String value) {
    }

    enum Op {
        ADD,
        UPDATE,
        REMOVE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Op of(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT));
        }
    }
}
