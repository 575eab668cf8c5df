package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhibiao.system.Json;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Provider traffic shaped as OpenAI-compatible servers (DeepSeek, Qwen, vLLM, Ollama) really send it: a
 * {@code chat.completion} object, or {@code chat.completion.chunk} SSE lines starting with a role-only delta, carrying
 * {@code reasoning_content} deltas, ending with a {@code finish_reason} chunk, a usage chunk and {@code [DONE]}.
 */
public final class OpenAiShapes {

    /** Providers send one JSON object per line; SSE data lines must not break. */
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private OpenAiShapes() {
    }

    public static Map<String, Object> row(String level1, String level2, String name, String value, String rationale,
            String... sources) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level1", level1);
        row.put("level2", level2);
        row.put("name", name);
        row.put("value", value);
        row.put("rationale", rationale);
        row.put("sources", Arrays.asList(sources));
        return row;
    }

    @SafeVarargs
    public static String rows(Map<String, Object>... rows) {
        return COMPACT.writeValueAsString(Map.of("rows", List.of(rows)));
    }

    public static String completion(String content, String reasoning) {
        return completion(content, reasoning, "stop");
    }

    public static String completion(String content, String reasoning, String finishReason) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        if (reasoning != null) {
            message.put("reasoning_content", reasoning);
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        return envelope("chat.completion", List.of(choice), usage());
    }

    public static String noChoices() {
        return envelope("chat.completion", List.of(), usage());
    }

    /** A whole stream: role-only chunk, reasoning deltas, content split into pieces, finish chunk, usage, [DONE]. */
    public static String stream(List<String> reasoning, List<String> contentPieces) {
        return end(new StringBuilder(streamStart(reasoning, contentPieces)), "stop");
    }

    /** The same stream cut after its content pieces: no finish_reason, no [DONE]. */
    public static String streamStart(List<String> reasoning, List<String> contentPieces) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("role", "assistant");
        role.put("content", "");
        out.append(chunk(role, null));
        for (String r : reasoning) {
            Map<String, Object> delta = new LinkedHashMap<>();
            delta.put("content", null);
            delta.put("reasoning_content", r);
            out.append(chunk(delta, null));
        }
        for (String piece : contentPieces) {
            out.append(chunk(Map.of("content", piece), null));
        }
        return out.toString();
    }

    /** {@code text} cut into {@code n} pieces, as a model's tokens arrive. */
    public static List<String> pieces(String text, int n) {
        List<String> out = new ArrayList<>();
        int size = Math.max(1, text.length() / n);
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }

    public static String error(String message, String type, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        return COMPACT.writeValueAsString(Map.of("error", error));
    }

    /** A tool call the model streams: the function's name and its JSON arguments. */
    public record Call(String name, String arguments) {
    }

    /**
     * A streamed answer of prose pieces, ending with {@code finishReason} ("stop", "length"), or cut (no finish chunk,
     * no usage, no [DONE]) when it is null.
     */
    public static String textStream(List<String> reasoning, List<String> pieces, String finishReason) {
        StringBuilder out = new StringBuilder(streamStart(reasoning, pieces));
        return finishReason == null ? out.toString() : end(out, finishReason);
    }

    /**
     * Tool calls streamed as providers send them: a chunk naming each call (DeepSeek: {@code id}, {@code type},
     * {@code name} and empty arguments; Qwen: the same with content null and the first argument piece), then the
     * arguments in {@code pieces} pieces (Qwen repeats {@code "id": ""} and {@code "type"} on each), then the finish
     * chunk with {@code finishReason} — or nothing more, when null: the stream was cut.
     */
    public static String toolCallStream(boolean qwen, int pieces, String finishReason, Call... calls) {
        StringBuilder out = new StringBuilder(streamStart(List.of(), List.of()));
        for (int i = 0; i < calls.length; i++) {
            List<String> args = pieces(calls[i].arguments(), pieces);
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", calls[i].name());
            function.put("arguments", qwen ? args.getFirst() : "");
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("index", i);
            call.put("id", "call_" + i + "_" + Integer.toHexString(calls[i].name().hashCode()));
            call.put("type", "function");
            call.put("function", function);
            out.append(chunk(toolDelta(qwen, call), null));
            for (String piece : qwen ? args.subList(1, args.size()) : args) {
                Map<String, Object> more = new LinkedHashMap<>();
                more.put("index", i);
                if (qwen) {
                    more.put("id", "");
                    more.put("type", "function");
                }
                more.put("function", Map.of("arguments", piece));
                out.append(chunk(toolDelta(qwen, more), null));
            }
        }
        return finishReason == null ? out.toString() : end(out, finishReason);
    }

    private static Map<String, Object> toolDelta(boolean qwen, Map<String, Object> call) {
        Map<String, Object> delta = new LinkedHashMap<>();
        if (qwen) {
            delta.put("content", null);
        }
        delta.put("tool_calls", List.of(call));
        return delta;
    }

    private static String end(StringBuilder out, String finishReason) {
        out.append(chunk(Map.of(), finishReason));
        out.append(data(envelope("chat.completion.chunk", List.of(), usage())));
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        return data(envelope("chat.completion.chunk", List.of(choice), null));
    }

    private static String data(String json) {
        return "data: " + json + "\n\n";
    }

    private static String envelope(String object, List<Map<String, Object>> choices, Map<String, Object> usage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-5f1c2b9e");
        body.put("object", object);
        body.put("created", 1763800000);
        body.put("model", "deepseek-chat");
        body.put("system_fingerprint", "fp_3a5770e1b4");
        body.put("choices", choices);
        if (usage != null) {
            body.put("usage", usage);
        }
        return COMPACT.writeValueAsString(body);
    }

    private static Map<String, Object> usage() {
        return Map.of("prompt_tokens", 1820, "completion_tokens", 412, "total_tokens", 2232);
    }
}
