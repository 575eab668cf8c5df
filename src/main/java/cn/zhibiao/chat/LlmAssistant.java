package cn.zhibiao.chat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.proposal.LlmFailure;
import cn.zhibiao.proposal.LlmSettings;
import cn.zhibiao.proposal.Prompts;
import cn.zhibiao.proposal.ProposalSettings;
import cn.zhibiao.proposal.Provider;
import cn.zhibiao.proposal.RowScanner;
import cn.zhibiao.system.CommandSettings;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The assistant with a language model: the model answers in streamed prose and calls the engine as tools
 * ({@link ToolCalls}); the user's draft and message reach it as delimited data. Its prose is checked on the way out
 * ({@link ProseGuard}), its edits reach users only as checked {@code change} events, and when the provider fails
 * before an edit was proposed, the offline assistant answers the turn with a notice saying why.
 */
public final class LlmAssistant implements Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(LlmAssistant.class);

    private final Provider provider;
    private final StreamingChatModel model;
    private final String systemPrompt;
    private final String canary;
    private final ChatTools tools;
    private final ChatSettings settings;
    private final Assistant offline;
    private final Interpreter interpreter = new Interpreter(Grammar.load());

    /**
     * {@code prompts}' assistant prompt is sent with a canary made at start, which the model's output must never
     * carry: output that does is the system prompt leaking, and is withheld.
     */
    public LlmAssistant(Provider provider, Prompts prompts, ChatTools tools, ChatSettings settings,
            Assistant offline) {
        this.provider = provider;
        this.model = provider.streaming();
        this.canary = "ZB-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
        this.systemPrompt = prompts.assistant().render(Map.of("canary", canary));
        this.tools = tools;
        this.settings = settings;
        this.offline = offline;
    }

    /**
     * The model's assistant, answering through {@code provider}, when a model is configured; the offline one
     * otherwise. Either way the offline assistant answers what the model cannot.
     */
    public static Assistant orOffline(Provider provider, Path promptsDir, ChatTools tools, ChatSettings settings) {
        OfflineAssistant offline = new OfflineAssistant(tools, settings);
        if (!provider.settings().configured()) {
            LOG.info("未配置大模型（zhibiao.llm.base-url），对话由离线助手回答");
            return offline;
        }
        LOG.info("对话使用大模型 {}", provider.settings().model());
        return new LlmAssistant(provider, Prompts.load(promptsDir), tools, settings, offline);
    }

    /** The assistant of the {@code chat} command, over the same index, checker, model and settings as the app's. */
    public static Assistant forCommands(CommandSettings settings) {
        return orOffline(Provider.create(LlmSettings.from(settings)), ProposalSettings.from(settings).promptsDir(),
                EngineTools.forCommands(settings), ChatSettings.from(settings::get));
    }

    @Override
    public Flux<ChatEvent> turn(Declaration draft, List<ChatTurn> history, String message) {
        return Turns.blocking(sink -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            sink.onCancel(() -> cancelled.set(true));
            new Turn(draft.withParsedValues(), history, message == null ? "" : message.strip(), sink, cancelled)
                    .run();
        });
    }

    /** One turn: rounds of streamed answer and tool calls until the model answers without calling a tool. */
    private final class Turn {

        private final Declaration draft;
        private final List<ChatTurn> history;
        private final String message;
        private final FluxSink<ChatEvent> sink;
        private final AtomicBoolean cancelled;
        private final ToolCalls calls;
        private boolean intentSent;
        private boolean spoke;

        Turn(Declaration draft, List<ChatTurn> history, String message, FluxSink<ChatEvent> sink,
                AtomicBoolean cancelled) {
            this.draft = draft;
            this.history = history;
            this.message = message;
            this.sink = sink;
            this.cancelled = cancelled;
            this.calls = new ToolCalls(tools, settings, draft, canary, this::emit);
        }

        void run() {
            List<ChatMessage> messages = messages();
            try {
                for (int round = 0; round < settings.maxToolRounds() && !cancelled.get(); round++) {
                    ProseGuard guard = new ProseGuard(canary, calls::supported);
                    ChatResponse response = provider.call(round(messages, guard)
                            .timeout(provider.settings().timeout())).block();
                    say(guard.finish());
                    if (response.finishReason() == null) {
                        // A stream that ends without a finish_reason was cut, whatever it carried.
                        fail("大模型的流式回答中途中断");
                        return;
                    }
                    AiMessage ai = response.aiMessage();
                    if (response.finishReason() == FinishReason.LENGTH) {
                        cut(ai);
                        finish();
                        return;
                    }
                    if (!ai.hasToolExecutionRequests() || guard.withheld()) {
                        finish();
                        return;
                    }
                    messages.add(ai);
                    for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                        messages.add(ToolExecutionResultMessage.from(request, calls.execute(request)));
                    }
                }
                say("（本轮调用工具的次数已达上限，以上为已完成的部分。）");
                finish();
            } catch (LlmFailure failure) {
                fail(failure.getMessage());
            }
        }

        /** One request, its prose streamed through the guard as it arrives. */
        private Mono<ChatResponse> round(List<ChatMessage> messages, ProseGuard guard) {
            ChatRequest request = ChatRequest.builder().messages(List.copyOf(messages))
                    .toolSpecifications(ToolCalls.SPECIFICATIONS).build();
            return Mono.create(result -> model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    if (partial != null && !partial.isEmpty()) {
                        say(guard.append(partial));
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    result.success(response);
                }

                @Override
                public void onError(Throwable error) {
                    result.error(error);
                }
            }));
        }

        /** The answer hit the length limit: complete proposed rows are kept, the rest is said to be cut. */
        private void cut(AiMessage ai) {
            int kept = 0;
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                if ("propose_changes".equals(request.name()) && request.arguments() != null) {
                    kept += calls.proposeCompleteRows(RowScanner.rowObjects(request.arguments()));
                }
            }
            say("（大模型的回答因长度限制被截断" + (kept > 0 ? "，已保留其中完整的" + kept + "条建议" : "")
                    + "，其余部分没有显示。可以让我继续，或缩小请求的范围。）");
        }

        /**
         * The provider failed: before any edit was proposed the offline assistant answers instead; after, the
         * proposed edits stand and the turn ends with the reason.
         */
        private void fail(String reason) {
            LOG.warn("LLM chat turn failed: {}", reason);
            if (calls.changes() > 0) {
                say("（" + reason + "，以上建议已保留。）");
                finish();
                return;
            }
            say((spoke ? "\n" : "") + "（" + reason + "，本轮改由离线助手回答。）");
            offline.turn(draft, history, message)
                    .filter(e -> !(intentSent && e instanceof ChatEvent.Understood))
                    .doOnNext(sink::next).blockLast();
        }

        private void finish() {
            Understanding understood = calls.understood(interpreter.understand(message, draft.indicators()));
            if (!intentSent) {
                emit(new ChatEvent.Understood(understood.intent(), understood.args()));
            }
            sink.next(new ChatEvent.Done(understood.intent(), calls.changes(), calls.questions()));
        }

        private List<ChatMessage> messages() {
            List<ChatMessage> out = new ArrayList<>();
            out.add(SystemMessage.from(systemPrompt));
            for (ChatTurn t : history) {
                out.add(UserMessage.from(ToolCalls.data("message", t.message())));
                calls.remember(t.message());
                String said = t.events().stream().map(LlmAssistant::summary).filter(s -> !s.isEmpty())
                        .collect(Collectors.joining());
                if (!said.isBlank()) {
                    out.add(AiMessage.from(said));
                }
            }
            String draftText = calls.draftText();
            calls.remember(draftText);
            calls.remember(message);
            out.add(UserMessage.from("草稿（数据）：\n" + draftText + "\n用户消息（数据）：\n"
                    + ToolCalls.data("message", message)));
            return out;
        }

        private void say(String text) {
            if (!text.isEmpty() && !cancelled.get()) {
                spoke = true;
                sink.next(new ChatEvent.Token(text));
            }
        }

        private void emit(ChatEvent event) {
            if (event instanceof ChatEvent.Understood) {
                intentSent = true;
            }
            sink.next(event);
        }
    }

    /** How an earlier turn's events read back to the model: its text and the edits it proposed. */
    private static String summary(ChatEvent e) {
        return switch (e) {
            case ChatEvent.Token t -> t.text();
            case ChatEvent.Change c -> "\n[已提出建议 " + c.id() + "：" + c.op().json() + " 第" + (c.indicatorIndex() + 1)
                    + "行 " + c.row().name() + " | " + c.row().value() + "]\n";
            case ChatEvent.Question q -> "\n[已提问：" + q.text() + "]\n";
            default -> "";
        };
    }
}
