package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A model's answer read as rows. Reasoning ({@code reasoning_content}, or a {@code <think>} block in the content) is
 * set apart first and never parsed; the JSON object is then taken from a fenced block or from the first "{" to the
 * last "}", which tolerates models that chat around their JSON despite JSON mode.
 */
record LlmAnswer(List<Draft> rows, String reasoning) {

    /** A row as the model wrote it, before its categories are checked against the taxonomy. */
    record Draft(String level1, String level2, String name, String value, String rationale, List<String> sources) {

        Draft {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    private static final Pattern THINK = Pattern.compile("(?s)<think>(.*?)(?:</think>|$)");
    private static final Pattern THINK_CLOSED = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern FENCE = Pattern.compile("(?s)```(?:json|JSON)?\\s*(.*?)```");

    static LlmAnswer parse(String content, String thinking) {
        StringBuilder reasoning = new StringBuilder(thinking == null ? "" : thinking);
        String text = content == null ? "" : content;
        Matcher think = THINK.matcher(text);
        while (think.find()) {
            reasoning.append(think.group(1));
        }
        text = THINK.matcher(text).replaceAll("").strip();
        if (text.isEmpty()) {
            throw new LlmFailure(LlmFailure.Kind.EMPTY, "大模型未返回建议内容");
        }
        JsonNode root = readJson(text);
        JsonNode rows = root.isArray() ? root : root.get("rows");
        if (rows == null || !rows.isArray()) {
            rows = null;
            for (JsonNode child : root) {
                if (child.isArray()) {
                    rows = child;
                    break;
                }
            }
        }
        if (rows == null) {
            throw new LlmFailure(LlmFailure.Kind.MALFORMED, "大模型返回的 JSON 中没有指标列表（rows）");
        }
        List<Draft> drafts = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.isObject()) {
                drafts.add(draft(row));
            }
        }
        return new LlmAnswer(drafts, reasoning.toString().strip());
    }

    /** The rows an answer cut at the length limit had finished; its reasoning is kept apart as usual. */
    static LlmAnswer completeRows(String content, String thinking) {
        List<Draft> drafts = new ArrayList<>();
        for (String object : RowScanner.rowObjects(visible(content == null ? "" : content))) {
            try {
                drafts.add(draft(Json.mapper().readTree(object)));
            } catch (JacksonException e) {
                // An object the scanner closed but JSON rejects is not a complete row.
            }
        }
        return new LlmAnswer(drafts, thinking == null ? "" : thinking.strip());
    }

    static Draft draft(JsonNode row) {
        List<String> sources = new ArrayList<>();
        row.path("sources").forEach(s -> sources.add(s.asString()));
        return new Draft(text(row, "level1"), text(row, "level2"), text(row, "name"), text(row, "value"),
                text(row, "rationale"), sources);
    }

    /** The text with closed think blocks removed and an unclosed one cut off: what may be read as the answer. */
    static String visible(String text) {
        String out = THINK_CLOSED.matcher(text).replaceAll("");
        int open = out.indexOf("<think>");
        return open < 0 ? out : out.substring(0, open);
    }

    private static JsonNode readJson(String text) {
        Matcher fence = FENCE.matcher(text);
        String candidate = fence.find() ? fence.group(1).strip() : text;
        if (!candidate.startsWith("{") && !candidate.startsWith("[")) {
            int start = candidate.indexOf('{');
            int end = candidate.lastIndexOf('}');
            if (start < 0 || end <= start) {
                throw new LlmFailure(LlmFailure.Kind.MALFORMED, "大模型返回的内容不是 JSON");
            }
            candidate = candidate.substring(start, end + 1);
        }
        try {
            return Json.mapper().readTree(candidate);
        } catch (JacksonException e) {
            throw new LlmFailure(LlmFailure.Kind.MALFORMED, "大模型返回的 JSON 格式有误");
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? null : node.asString().strip();
    }
}
