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
final class OpenAiShapes {

    /** Providers send one JSON object per line; SSE data lines must not break. */
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private OpenAiShapes() {
    }

    static Map<String, Object> row(String level1, String level2, String name, String value, String rationale,
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
    static String rows(Map<String, Object>... rows) {
        return COMPACT.writeValueAsString(Map.of("rows", List.of(rows)));
    }

    static String completion(String content, String reasoning) {
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
        choice.put("finish_reason", "stop");
        return envelope("chat.completion", List.of(choice), usage());
    }

    static String noChoices() {
        return envelope("chat.completion", List.of(), usage());
    }

    /** A whole stream: role-only chunk, reasoning deltas, content split into pieces, finish chunk, usage, [DONE]. */
    static String stream(List<String> reasoning, List<String> contentPieces) {
        StringBuilder out = new StringBuilder(streamStart(reasoning, contentPieces));
        out.append(chunk(Map.of(), "stop"));
        out.append(data(envelope("chat.completion.chunk", List.of(), usage())));
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    /** The same stream cut after its content pieces: no finish_reason, no [DONE]. */
    static String streamStart(List<String> reasoning, List<String> contentPieces) {
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
    static List<String> pieces(String text, int n) {
        List<String> out = new ArrayList<>();
        int size = Math.max(1, text.length() / n);
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }

    static String error(String message, String type, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        return COMPACT.writeValueAsString(Map.of("error", error));
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
