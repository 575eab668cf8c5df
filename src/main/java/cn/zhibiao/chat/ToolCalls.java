package cn.zhibiao.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.zhibiao.corpus.InstructionDefinition;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleView;
import cn.zhibiao.system.Json;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The tools a language model may call during one turn, each one a call of the real engine ({@link ChatTools}). What
 * users see comes from here, not from the model: sources are the tools' results, a proposed edit becomes a
 * {@code change} only with the checker's findings on it, and every result the model is given is remembered as text
 * its prose may cite.
 */
final class ToolCalls {

    /** The canonical category names, which the model must use. */
    private static final List<String> LEVEL2 = Arrays.stream(Level2.values()).map(Level2::label).toList();

    static final List<ToolSpecification> SPECIFICATIONS = List.of(
            tool("read_draft", "读取草稿：项目信息与现有指标（行号从1开始）及每行的检查结果。", JsonObjectSchema.builder().build()),
            tool("search_similar", "查找相似的历史申报项目；不给 query 时按本草稿查找。",
                    JsonObjectSchema.builder().addStringProperty("query", "要查找的内容，例如“医保补助”").build()),
            tool("check_rows", "用规则检查整张草稿，返回每一行的问题。", JsonObjectSchema.builder().build()),
            tool("explain_finding", "解释某一行为什么被标记：规则、原因、改法、依据，以及相似项目中合格的写法。",
                    JsonObjectSchema.builder().addIntegerProperty("row", "行号，从1开始").required("row").build()),
            tool("define_term", "查编报说明中术语的定义。",
                    JsonObjectSchema.builder().addStringProperty("term", "术语，例如“可持续影响指标”").required("term").build()),
            tool("propose_rows", "由指标建议服务给出已经过规则检查的候选指标，可只要某一二级指标类别。",
                    JsonObjectSchema.builder().addEnumProperty("level2", LEVEL2, "二级指标类别")
                            .addIntegerProperty("count", "最多几条").build()),
            tool("propose_changes", "把新增、修改或删除指标的建议交给用户，用户接受后才写入草稿；每条都会经过规则检查。",
                    JsonObjectSchema.builder().addProperty("rows", JsonArraySchema.builder().items(
                            JsonObjectSchema.builder()
                                    .addEnumProperty("op", List.of("add", "update", "remove"))
                                    .addIntegerProperty("row", "修改或删除的行号（从1开始）；新增时为插入位置，可省略")
                                    .addStringProperty("level1", "一级指标")
                                    .addEnumProperty("level2", LEVEL2)
                                    .addStringProperty("name", "三级指标名称")
                                    .addStringProperty("value", "指标值")
                                    .addStringProperty("rationale", "理由，只引用工具结果中的内容")
                                    .addProperty("sources", JsonArraySchema.builder()
                                            .items(new JsonStringSchema()).description("来源编号（工具结果方括号中的编号）").build())
                                    .required("op").build()).build()).required("rows").build()),
            tool("ask_user", "向用户询问草稿中没有、又不能编造的数字（受益人数、数量、完成期限等）。",
                    JsonObjectSchema.builder().addEnumProperty("fact", List.of("COUNT", "DEADLINE", "OTHER"))
                            .addStringProperty("question", "问题").required("fact", "question").build()));

    private final ChatTools tools;
    private final ChatSettings settings;
    private final Declaration draft;
    private final Consumer<ChatEvent> out;
    private final String canary;
    private final StringBuilder support = new StringBuilder();
    private final Map<String, Precedent> precedents = new LinkedHashMap<>();
    private final Set<String> offeredSources = new HashSet<>();
    private final Set<String> cited = new HashSet<>();
    private boolean searchedDraft;
    private Understanding understood;
    private int changes;
    private int questions;

    ToolCalls(ChatTools tools, ChatSettings settings, Declaration draft, String canary, Consumer<ChatEvent> out) {
        this.tools = tools;
        this.settings = settings;
        this.draft = draft;
        this.canary = canary;
        this.out = out;
    }

    /** User text the model may quote: the draft, this message, earlier messages. */
    void remember(String text) {
        if (text != null) {
            support.append(text).append('\n');
        }
    }

    /** Whether a citation of the model's appears in a tool result, user text or the filling instructions. */
    boolean supported(String citation) {
        String bare = citation.startsWith("《") ? citation.substring(1, citation.length() - 1) : citation;
        return support.indexOf(bare) >= 0 || !Character.isDigit(bare.charAt(0)) && !tools.definitions(bare).isEmpty();
    }

    /** Runs one tool call and returns the result the model is given; bad arguments are reported to it. */
    String execute(ToolExecutionRequest request) {
        JsonNode args;
        try {
            String json = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
            args = Json.mapper().readTree(json);
        } catch (JacksonException e) {
            return "错误：参数不是有效的 JSON。";
        }
        String result = switch (request.name()) {
            case "read_draft" -> readDraft();
            case "search_similar" -> similar(text(args, "query"));
            case "check_rows" -> check();
            case "explain_finding" -> explain(args.path("row").asInt(0) - 1);
            case "define_term" -> define(text(args, "term"));
            case "propose_rows" -> proposeRows(text(args, "level2"), args.has("count") ? args.get("count").asInt() : null);
            case "propose_changes" -> proposeChanges(args.path("rows"));
            case "ask_user" -> ask(text(args, "fact"), text(args, "question"));
            default -> "错误：没有这个工具。";
        };
        support.append(result).append('\n');
        return result;
    }

    /** What the turn was about: the first request that named it, else {@code fallback}. */
    Understanding understood(Understanding fallback) {
        return understood != null ? understood : fallback;
    }

    int changes() {
        return changes;
    }

    int questions() {
        return questions;
    }

    /** The draft as the model reads it, user text inside a data block. */
    String draftText() {
        List<Finding> findings = tools.check(draft);
        StringBuilder rows = new StringBuilder();
        List<Indicator> indicators = draft.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            int index = i;
            ChatEvent.ChangeRow row = Changes.row(indicators.get(i));
            rows.append(i + 1).append(". ").append(row.level1()).append("/").append(row.level2()).append(" | ")
                    .append(row.name()).append(" | ").append(row.value());
            List<String> problems = findings.stream().filter(f -> Integer.valueOf(index).equals(f.indicatorIndex()))
                    .map(f -> f.severity() + " " + f.ruleId() + "：" + f.message()).toList();
            rows.append(problems.isEmpty() ? " | 检查通过" : " | " + String.join("；", problems)).append('\n');
        }
        StringBuilder project = new StringBuilder();
        line(project, "项目名称", draft.projectName());
        line(project, "主管部门", draft.department());
        line(project, "地区", draft.region());
        line(project, "年度", draft.year() == null ? null : draft.year() + "年");
        line(project, "项目资金", draft.fundsWanYuan() == null ? null
                : draft.fundsWanYuan().stripTrailingZeros().toPlainString() + "万元");
        line(project, "项目概况", draft.overview());
        line(project, "年度绩效目标", draft.annualGoal());
        line(project, "实施期绩效目标", draft.periodGoal());
        return data("project", project.toString().strip()) + "\n" + data("indicators",
                rows.isEmpty() ? "（无）" : rows.toString().strip());
    }

    /** User-supplied text as data: a closing tag inside it cannot end the block. */
    static String data(String kind, String text) {
        return "<data kind=\"" + kind + "\">\n" + (text == null ? "" : text.replace("<", "＜").replace(">", "＞"))
                + "\n</data>";
    }

    /** Changes from rows the model finished writing before its answer was cut at the length limit. */
    int proposeCompleteRows(List<String> rowObjects) {
        List<JsonNode> rows = new ArrayList<>();
        for (String object : rowObjects) {
            try {
                rows.add(Json.mapper().readTree(object));
            } catch (JacksonException e) {
                // An object the scanner closed but JSON rejects is not a complete row.
            }
        }
        int before = changes;
        proposeChanges(Json.mapper().valueToTree(rows));
        return changes - before;
    }

    private String readDraft() {
        return draftText();
    }

    private String similar(String query) {
        understand(Intent.SIMILAR, new IntentArgs(null, null, null, query, null, null));
        List<Precedent> found = tools.similar(draft, query, settings.similarK());
        if (found.isEmpty()) {
            return "没有找到足够相似的历史项目。";
        }
        StringBuilder text = new StringBuilder();
        for (Precedent p : found) {
            known(p);
            cite(p.id());
            text.append("[").append(p.id()).append("] ").append(p.title())
                    .append(String.format("，相似度 %.2f", p.similarity())).append('\n');
            p.declaration().indicators().stream().limit(settings.similarK() * 3L).forEach(r -> text.append("  - ")
                    .append(r.level2() == null ? r.level2Raw() : r.level2().label()).append(" | ").append(r.name())
                    .append(" | ").append(r.value()).append('\n'));
        }
        return text.toString().strip();
    }

    private String check() {
        understand(Intent.CHECK, IntentArgs.NONE);
        List<Finding> findings = tools.check(draft);
        findings.forEach(f -> out.accept(OfflineAssistant.flag(f, tools.rule(f.ruleId()))));
        return findings.isEmpty() ? "检查完成，未发现问题。" : findings.stream()
                .map(f -> (f.indicatorIndex() == null ? "整张申报" : "第" + (f.indicatorIndex() + 1) + "行") + "："
                        + f.severity() + " " + f.ruleId() + " " + f.message())
                .collect(Collectors.joining("\n"));
    }

    private String explain(int index) {
        if (index < 0 || index >= draft.indicators().size()) {
            return "错误：草稿共有" + draft.indicators().size() + "行指标，没有这一行。";
        }
        Indicator row = draft.indicators().get(index);
        understand(Intent.EXPLAIN_FLAG, new IntentArgs(index, row.level2() == null ? null : row.level2().label(),
                null, null, null, null));
        List<Finding> findings = tools.check(draft).stream()
                .filter(f -> Integer.valueOf(index).equals(f.indicatorIndex())).toList();
        if (findings.isEmpty()) {
            return "第" + (index + 1) + "行检查未发现问题。";
        }
        StringBuilder text = new StringBuilder();
        for (Finding f : findings) {
            Optional<RuleView> rule = tools.rule(f.ruleId());
            out.accept(OfflineAssistant.flag(f, rule));
            text.append("- ").append(f.severity()).append(" ").append(f.ruleId()).append("：").append(f.message());
            if (f.why() != null) {
                text.append("\n  原因：").append(f.why());
            }
            if (f.suggestion() != null) {
                text.append("\n  改法：").append(f.suggestion());
            }
            rule.filter(r -> !r.basis().isEmpty()).ifPresent(r -> text.append("\n  依据：")
                    .append(String.join("；", r.basis())));
            text.append('\n');
        }
        if (row.level2() != null) {
            List<PrecedentRow> examples = tools.compliantRows(draft, row.level2(), settings.examples());
            for (PrecedentRow e : examples) {
                known(e.from());
                cite(e.from().id());
                text.append("合格写法 [").append(e.from().id()).append("] ").append(e.from().title()).append("：")
                        .append(e.row().name()).append(" | ").append(e.row().value()).append('\n');
            }
        }
        return text.toString().strip();
    }

    private String define(String term) {
        if (term == null) {
            return "错误：缺少 term。";
        }
        understand(Intent.DEFINE_TERM, new IntentArgs(null, null, null, null, term, null));
        List<InstructionDefinition> definitions = tools.definitions(term);
        for (InstructionDefinition d : definitions) {
            if (cited.add(d.id())) {
                out.accept(new ChatEvent.Source(d.id(), "INSTRUCTION", d.source(), null, null, null,
                        "编报说明（" + d.source() + "）：" + d.term()));
            }
        }
        // Not echoing the term: a result is a source the model's prose may cite, and the term is the model's own.
        return definitions.isEmpty() ? "编报说明中没有这个术语的定义。" : definitions.stream()
                .map(d -> "[" + d.id() + "] " + d.term() + "：" + d.definition()).collect(Collectors.joining("\n"));
    }

    private String proposeRows(String level2Label, Integer count) {
        Level2 level2 = Level2.fromLabel(level2Label);
        understand(Intent.PROPOSE, new IntentArgs(null, level2 == null ? null : level2.label(), null, null, null,
                count));
        Set<String> existing = draft.indicators().stream().map(Indicator::name).collect(Collectors.toSet());
        List<ProposedRow> rows = tools.propose(ProjectBrief.of(draft, false)).stream()
                .filter(r -> level2 == null || r.level2() == level2).filter(r -> !existing.contains(r.name()))
                .limit(count == null ? Long.MAX_VALUE : count).toList();
        if (rows.isEmpty()) {
            return "没有找到能通过检查的候选指标。";
        }
        StringBuilder text = new StringBuilder();
        for (ProposedRow r : rows) {
            offeredSources.addAll(r.sources());
            text.append("- ").append(r.level1().label()).append("/").append(r.level2().label()).append(" | ")
                    .append(r.name()).append(" | ").append(r.value()).append(" | 理由：").append(r.rationale())
                    .append(" | 来源：").append(r.sources()).append('\n');
        }
        return text.toString().strip();
    }

    private String proposeChanges(JsonNode rows) {
        if (!rows.isArray() || rows.isEmpty()) {
            return "错误：rows 应为非空数组。";
        }
        StringBuilder result = new StringBuilder();
        int n = 0;
        for (JsonNode row : rows) {
            n++;
            result.append(n).append(". ").append(proposeChange(row)).append('\n');
        }
        return result.toString().strip();
    }

    private String proposeChange(JsonNode row) {
        ChatEvent.Op op;
        try {
            op = ChatEvent.Op.of(text(row, "op") == null ? "add" : text(row, "op"));
        } catch (IllegalArgumentException e) {
            return "未提出：op 只能是 add、update 或 remove。";
        }
        int size = draft.indicators().size();
        Integer index = row.has("row") && row.get("row").isNumber() ? row.get("row").asInt() - 1 : null;
        if (op != ChatEvent.Op.ADD && (index == null || index < 0 || index >= size)) {
            return "未提出：草稿共有" + size + "行指标，请给出要修改或删除的行号。";
        }
        Indicator previous = op == ChatEvent.Op.ADD ? null : draft.indicators().get(index);
        ChatEvent.ChangeRow old = previous == null ? new ChatEvent.ChangeRow(null, null, null, null)
                : Changes.row(previous);
        Level2 level2 = Level2.fromLabel(or(text(row, "level2"), old.level2()));
        if (op != ChatEvent.Op.REMOVE && level2 == null) {
            return "未提出：二级指标必须是指标体系中的类别之一。";
        }
        String name = or(text(row, "name"), old.name());
        String value = or(text(row, "value"), old.value());
        if (op != ChatEvent.Op.REMOVE && (name == null || value == null)) {
            return "未提出：缺少指标名称或指标值。";
        }
        if (op != ChatEvent.Op.REMOVE && (name.contains(canary) || value.contains(canary))) {
            return "未提出：指标中出现了内部说明的内容。";
        }
        int at = op == ChatEvent.Op.ADD ? index == null || index < 0 || index > size ? size : index : index;
        String level1 = op == ChatEvent.Op.REMOVE ? old.level1() : level2.parent().label();
        List<String> sources = new ArrayList<>();
        row.path("sources").forEach(s -> {
            if (offeredSources.contains(s.asString()) || precedents.containsKey(s.asString())) {
                sources.add(s.asString());
            }
        });
        String rationale = ProseGuard.check(or(text(row, "rationale"), "大模型建议。"), canary, this::supported);
        ChatEvent.Change change = new ChatEvent.Change(newId(), op, at,
                new ChatEvent.ChangeRow(level1, op == ChatEvent.Op.REMOVE ? old.level2() : level2.label(),
                        op == ChatEvent.Op.REMOVE ? old.name() : name, op == ChatEvent.Op.REMOVE ? old.value() : value),
                rationale, sources, List.of(), previous);
        List<Finding> findings = op == ChatEvent.Op.REMOVE ? List.of() : tools.check(Changes.apply(draft, change))
                .stream().filter(f -> Integer.valueOf(at).equals(f.indicatorIndex())).toList();
        change = new ChatEvent.Change(change.id(), op, at, change.row(), rationale, sources, findings, previous);
        understand(op == ChatEvent.Op.ADD ? Intent.PROPOSE : Intent.REVISE, new IntentArgs(
                op == ChatEvent.Op.ADD ? null : at, change.row().level2(), op == ChatEvent.Op.UPDATE ? value : null,
                null, null, null));
        sources.forEach(this::cite);
        out.accept(change);
        changes++;
        return "已作为建议提交给用户（" + change.id() + "）" + (findings.isEmpty() ? "，检查通过。"
                : "，检查结果：" + findings.stream().map(f -> f.severity() + " " + f.ruleId() + " " + f.message())
                        .collect(Collectors.joining("；")));
    }

    private String ask(String fact, String question) {
        if (question == null) {
            return "错误：缺少 question。";
        }
        Understanding current = understood(new Understanding(Intent.PROPOSE, IntentArgs.NONE));
        out.accept(new ChatEvent.Question("q-" + UUID.randomUUID().toString().substring(0, 8),
                fact == null ? "OTHER" : fact, question, current.intent(), current.args()));
        questions++;
        return "已向用户提问，等待下一条消息的回答。";
    }

    private void understand(Intent intent, IntentArgs args) {
        if (understood == null) {
            understood = new Understanding(intent, args);
            out.accept(new ChatEvent.Understood(intent, args));
        }
    }

    private void known(Precedent p) {
        precedents.put(p.id(), p);
    }

    /** A source event for an id a tool returned: a similar project, else an instruction example. */
    private void cite(String id) {
        if (!cited.add(id)) {
            return;
        }
        if (!precedents.containsKey(id) && !searchedDraft) {
            // The proposer cites the draft's similar projects; one search names them all.
            searchedDraft = true;
            tools.similar(draft, null, settings.similarK()).forEach(this::known);
        }
        Precedent precedent = precedents.get(id);
        if (precedent != null) {
            out.accept(Sources.of(precedent));
            return;
        }
        tools.instructionExample(id).ifPresent(e -> out.accept(new ChatEvent.Source(e.id(), "INSTRUCTION",
                e.source(), e.topic(), null, null, "编报说明示例：" + e.topic())));
    }

    private static ToolSpecification tool(String name, String description, JsonObjectSchema parameters) {
        return ToolSpecification.builder().name(name).description(description).parameters(parameters).build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString().strip();
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append(label).append("：").append(value.strip()).append('\n');
        }
    }

    private static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
