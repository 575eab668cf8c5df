package cn.zhibiao.chat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Chat events as JSON lines, one object per event with {@code type} (the SSE event name) and its fields; and a
 * conversation file of one {@link ChatTurn} per line, so that scripted conversations carry their questions over.
 */
public final class Transcript {

    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private Transcript() {
    }

    public static String line(Object value) {
        return LINE.writeValueAsString(value);
    }

    /** The conversation so far; a file that does not exist yet is an empty conversation. */
    public static List<ChatTurn> read(Path file) {
        List<ChatTurn> turns = new ArrayList<>();
        if (!Files.exists(file)) {
            return turns;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    turns.add(Json.mapper().readValue(line, ChatTurn.class));
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("对话文件“" + file.getFileName() + "”格式不正确：" + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return turns;
    }

    public static void append(Path file, ChatTurn turn) {
        try {
            Files.writeString(file, line(turn) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints each event as it arrives and returns them all. */
    public static List<ChatEvent> print(Iterable<ChatEvent> events, PrintStream out) {
        List<ChatEvent> all = new ArrayList<>();
        for (ChatEvent event : events) {
            out.println(line(event));
            out.flush();
            all.add(event);
        }
        return all;
    }
}
