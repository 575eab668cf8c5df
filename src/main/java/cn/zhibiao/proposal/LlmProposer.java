package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.proposal.LlmAnswer.Draft;
import cn.zhibiao.proposal.ProposalFinding.Severity;
import cn.zhibiao.system.Json;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import reactor.core.publisher.Mono;

/**
 * Asks an OpenAI-compatible chat model for indicator rows, given the project, its most similar past declarations
 * and the rule summary. The model only proposes: every row is checked against the taxonomy and the checker, rows with
 * findings get one repair round with the findings sent back, and rows still failing are dropped with a notice.
 */
final class LlmProposer {

    /** The rows that survived checking, notices about dropped ones, and the model's reasoning (kept, not parsed). */
    record Result(List<ProposedRow> rows, List<String> notices, String reasoning) {
    }

    private record Checked(List<ProposedRow> rows, List<Draft> drafts, List<List<ProposalFinding>> findings) {
    }

    private final LlmSettings settings;
    private final Provider provider;
    private final Prompts prompts;
    private final PromptWriter prompt;
    private final RowChecker checker;
    private final ChatModel chat;
    private final StreamingChatModel streaming;

    LlmProposer(Provider provider, Prompts prompts, RowChecker checker, ChatModel chat,
            StreamingChatModel streaming) {
        this.settings = provider.settings();
        this.provider = provider;
        this.prompts = prompts;
        this.prompt = new PromptWriter(prompts, checker);
        this.checker = checker;
        this.chat = chat;
        this.streaming = streaming;
    }

    static LlmProposer create(Provider provider, Prompts prompts, RowChecker checker) {
        return new LlmProposer(provider, prompts, checker, provider.jsonModel(), provider.jsonStreaming());
    }

    String model() {
        return settings.model();
    }

    String promptHash() {
        return prompts.proposeHash();
    }

    /** Blocking: call from a thread that may wait (never the event loop). */
    Result propose(ModelContext context) {
        PromptWriter.Request request = prompt.write(context);
        return finish(context, request, call(request.messages()));
    }

    /**
     * The same through the streaming API. {@code progress} hears a notice when the model starts reasoning and when it
     * starts writing rows; {@code early} receives each row as soon as it has streamed in and passed the checker with
     * no finding at all, together with the rows received before it. Rows with findings wait for the repair round.
     */
    Mono<Result> proposeStreaming(ModelContext context, Consumer<String> progress, Consumer<ProposedRow> early) {
        ProjectBrief project = context.project();
        PromptWriter.Request request = prompt.write(context);
        return provider.call(Mono.<ChatResponse>create(sink -> streaming.chat(ChatRequest.builder().messages(request.messages()).build(),
                new StreamingChatResponseHandler() {
                    private final RowScanner scanner = new RowScanner();
                    private final List<ProposedRow> passed = new ArrayList<>();
                    private boolean thinking;
                    private boolean writing;

                    @Override
                    public void onPartialThinking(PartialThinking partial) {
                        if (!thinking) {
                            thinking = true;
                            progress.accept("大模型正在推理…");
                        }
                    }

                    @Override
                    public void onPartialResponse(String partial) {
                        if (!writing && !partial.isEmpty()) {
                            writing = true;
                            progress.accept("大模型正在生成指标…");
                        }
                        for (Draft draft : scanner.append(partial)) {
                            Checked checked = check(project, List.of(draft), request.knownSources());
                            if (checked.rows().isEmpty() || !checked.findings().getFirst().isEmpty()) {
                                continue;
                            }
                            List<ProposedRow> trial = new ArrayList<>(passed);
                            trial.add(checked.rows().getFirst());
                            RowCheck together = checker.check(project,
                                    trial.stream().map(ProposedRow::toIndicator).toList());
                            if (together.row(trial.size() - 1).isEmpty()) {
                                passed.add(checked.rows().getFirst());
                                early.accept(checked.rows().getFirst());
                            }
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        // A stream that ends without a finish_reason was cut, whatever text it carried.
                        if (response.finishReason() == null) {
                            sink.error(new LlmFailure(LlmFailure.Kind.STREAM_CUT, "大模型流式响应中断"));
                        } else {
                            sink.success(response);
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        sink.error(error);
                    }
                })))
                .timeout(settings.timeout())
                .onErrorMap(e -> LlmFailure.of(e, settings, 1))
                .map(ai -> finish(context, request, ai));
    }

    private ChatResponse call(List<ChatMessage> messages) {
        return provider.callBlocking(() -> {
            ChatResponse response = chat.chat(ChatRequest.builder().messages(messages).build());
            if (response == null || response.aiMessage() == null) {
                throw new LlmFailure(LlmFailure.Kind.EMPTY, "大模型未返回建议内容");
            }
            return response;
        });
    }

    /** The checked rows, each marked unsupported when a number of it has no source. */
    private Result finish(ModelContext context, PromptWriter.Request request, ChatResponse response) {
        Result result = checked(context.project(), request, response);
        NumberSupport support = new NumberSupport(context);
        return new Result(result.rows().stream().map(support::mark).toList(), result.notices(), result.reasoning());
    }

    private Result checked(ProjectBrief project, PromptWriter.Request request, ChatResponse response) {
        AiMessage ai = response.aiMessage();
        boolean cut = response.finishReason() == FinishReason.LENGTH;
        LlmAnswer answer = cut ? LlmAnswer.completeRows(ai.text(), ai.thinking())
                : LlmAnswer.parse(ai.text(), ai.thinking());
        List<String> notices = new ArrayList<>();
        if (cut) {
            notices.add("大模型的回答因长度限制被截断，已保留其中完整的" + answer.rows().size() + "条指标");
        }
        Checked first = check(project, answer.rows(), request.knownSources());
        List<Draft> failing = new ArrayList<>();
        List<List<ProposalFinding>> failingFindings = new ArrayList<>();
        List<Draft> passing = new ArrayList<>();
        for (int i = 0; i < first.drafts().size(); i++) {
            if (needsRepair(first.findings().get(i))) {
                failing.add(first.drafts().get(i));
                failingFindings.add(first.findings().get(i));
            } else {
                passing.add(first.drafts().get(i));
            }
        }
        if (failing.isEmpty()) {
            return new Result(first.rows(), notices, answer.reasoning());
        }
        List<Draft> repaired;
        try {
            List<ChatMessage> messages = new ArrayList<>(request.messages());
            messages.add(AiMessage.from(ai.text()));
            messages.add(UserMessage.from(prompts.repair().render(Map.of("findings", repairList(failing,
                    failingFindings)))));
            repaired = LlmAnswer.parse(call(messages).aiMessage().text(), null).rows();
        } catch (LlmFailure e) {
            notices.add("修正请求未成功（" + e.getMessage() + "），未通过检查的大模型指标已删除");
            repaired = failing;
        }
        List<Draft> all = new ArrayList<>(passing);
        all.addAll(repaired);
        Checked second = check(project, all, request.knownSources());
        List<ProposedRow> kept = new ArrayList<>();
        for (int i = 0; i < second.drafts().size(); i++) {
            Draft d = second.drafts().get(i);
            List<ProposalFinding> findings = second.findings().get(i);
            if (findings.stream().anyMatch(ProposalFinding::isError)) {
                notices.add("已删除大模型建议的指标“" + d.name() + "：" + d.value() + "”（修正后仍未通过检查："
                        + findings.stream().filter(ProposalFinding::isError).map(ProposalFinding::message)
                                .findFirst().orElse("") + "）");
            } else {
                second.rows().stream().filter(r -> r.name().equals(d.name()) && r.value().equals(d.value()))
                        .findFirst().ifPresent(kept::add);
            }
        }
        return new Result(kept, notices, answer.reasoning());
    }

    private static boolean needsRepair(List<ProposalFinding> findings) {
        return findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
    }

    /**
     * Taxonomy first (a row whose 二级 is not a category cannot be checked at all), then the checker on the rows
     * together. Returns, for every draft, its findings; and the rows that could be built.
     */
    private Checked check(ProjectBrief project, List<Draft> drafts, Set<String> knownSources) {
        List<List<ProposalFinding>> findings = new ArrayList<>();
        List<ProposedRow> rows = new ArrayList<>();
        List<Integer> rowOfDraft = new ArrayList<>();
        for (Draft d : drafts) {
            List<ProposalFinding> shape = shapeFindings(d);
            findings.add(new ArrayList<>(shape));
            if (shape.isEmpty()) {
                Level2 level2 = Taxonomy.level2(d.level2()).orElseThrow();
                Level1 level1 = Taxonomy.level1(d.level1()).orElse(OfflineProposer.level1(level2));
                List<String> sources = d.sources().stream().filter(knownSources::contains).distinct().toList();
                rows.add(new ProposedRow(level1, level2, d.name(), d.value(),
                        d.rationale() == null || d.rationale().isBlank() ? "大模型建议。" : d.rationale(), sources,
                        Origin.LLM, List.of()));
                rowOfDraft.add(rows.size() - 1);
            } else {
                rowOfDraft.add(-1);
            }
        }
        RowCheck check = checker.check(project, rows.stream().map(ProposedRow::toIndicator).toList());
        for (int i = 0; i < drafts.size(); i++) {
            int r = rowOfDraft.get(i);
            if (r >= 0) {
                findings.get(i).addAll(check.row(r));
                rows.set(r, rows.get(r).withFindings(check.row(r)));
            }
        }
        return new Checked(rows, drafts, findings);
    }

    private static List<ProposalFinding> shapeFindings(Draft d) {
        List<ProposalFinding> out = new ArrayList<>();
        Level2 level2 = Taxonomy.level2(d.level2()).orElse(null);
        if (level2 == null) {
            out.add(new ProposalFinding("TAXONOMY_UNKNOWN_LEVEL2", Severity.ERROR,
                    "二级指标“" + d.level2() + "”不在指标体系中。", "使用数量指标、质量指标、时效指标、成本指标、经济效益指标、"
                            + "社会效益指标、生态效益指标、可持续影响指标或服务对象满意度指标。"));
        } else {
            Level1 level1 = Taxonomy.level1(d.level1()).orElse(null);
            if (level1 != null && !Taxonomy.belongsTo(level2, level1)) {
                out.add(new ProposalFinding("TAXONOMY_WRONG_PARENT", Severity.ERROR,
                        "二级指标“" + level2.label() + "”不属于一级指标“" + level1.label() + "”。",
                        "一级指标改为“" + OfflineProposer.level1(level2).label() + "”。"));
            }
        }
        if (d.name() == null || d.name().isBlank()) {
            out.add(new ProposalFinding("NAME_MISSING", Severity.ERROR, "三级指标名称不能为空。", "写出具体指标名称。"));
        }
        if (d.value() == null || d.value().isBlank()) {
            out.add(new ProposalFinding("VALUE_MISSING", Severity.ERROR, "指标值不能为空。", "写出可衡量的目标值。"));
        }
        return out;
    }

    private static String repairList(List<Draft> failing, List<List<ProposalFinding>> findings) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < failing.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("row", failing.get(i));
            item.put("findings", findings.get(i));
            items.add(item);
        }
        return Json.mapper().writeValueAsString(items);
    }
}
