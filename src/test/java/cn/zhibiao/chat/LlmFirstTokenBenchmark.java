package cn.zhibiao.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.proposal.LlmSettings;
import cn.zhibiao.proposal.OpenAiShapes;
import cn.zhibiao.proposal.Prompts;
import cn.zhibiao.proposal.Provider;
import cn.zhibiao.system.CommandSettings;

/**
 * The assistant's overhead between the language model's first token and its own first {@code token} event. WireMock's
 * chunked dribble sends the stream in two halves, each after a pause of {@link #PAUSE_MS}: the first half ends with the
 * first content chunk. The model's first token therefore leaves WireMock {@code PAUSE_MS} after it begins to answer
 * (its {@code beforeResponseSent}); the clock stops when the assistant's first token event reaches its subscriber
 * (same JVM, same clock). A sleep that overshoots counts against the assistant. Target: ≤ 100 ms. The whole turn (prompt, the draft's check, the request) comes
 * before the model's first token and is not counted.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.zhibiao.chat.LlmFirstTokenBenchmark [turns]}
 * after {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}.
 */
public final class LlmFirstTokenBenchmark {

    /** WireMock's pause before each half: far longer than the overhead measured, so the halves cannot merge. */
    private static final int PAUSE_MS = 400;

    private LlmFirstTokenBenchmark() {
    }

    public static void main(String[] args) {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        AtomicLong sending = new AtomicLong();
        WireMockServer provider = new WireMockServer(options().dynamicPort().extensions(new ServeEventListener() {
            @Override
            public void beforeResponseSent(ServeEvent event, Parameters parameters) {
                sending.set(System.nanoTime());
            }

            @Override
            public String getName() {
                return "first-token-clock";
            }
        }));
        provider.start();
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(twoHalves())
                .withChunkedDribbleDelay(2, 2 * PAUSE_MS)));
        LlmSettings settings = new LlmSettings(provider.baseUrl() + "/v1", "deepseek-chat", "sk-bench",
                Duration.ofSeconds(30), 0, Duration.ofMillis(10), 0.2);
        LlmAssistant assistant = new LlmAssistant(Provider.create(settings), Prompts.load(Path.of("prompts")),
                TestAssistants.tools(), ChatSettings.from(CommandSettings.load()::get), TestAssistants.offline());
        Declaration draft = ChatFixtures.draft();
        for (int i = 0; i < 5; i++) {
            firstToken(assistant, draft, sending);
        }
        double[] ms = new double[turns];
        for (int i = 0; i < turns; i++) {
            ms[i] = firstToken(assistant, draft, sending);
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "first model token -> first token event: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
                ms.length, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
        provider.stop();
        System.exit(0);
    }

    private static double firstToken(LlmAssistant assistant, Declaration draft, AtomicLong sending) {
        AtomicLong first = new AtomicLong();
        assistant.turn(draft, List.of(), "你好").doOnNext(e -> {
            if (e instanceof ChatEvent.Token && first.get() == 0) {
                first.set(System.nanoTime());
            }
        }).blockLast();
        return (first.get() - sending.get()) / 1e6 - PAUSE_MS;
    }

    /**
     * The stream split into two halves of equal length, which the dribble sends one after the other: the first ends
     * with the first content chunk; SSE comment lines, which clients skip, pad the shorter half.
     */
    private static String twoHalves() {
        String whole = OpenAiShapes.textStream(List.of(), List.of("好的，", "草稿共有5行指标，", "其中第2、3、4行需要修改。"),
                "stop");
        int cut = whole.indexOf("data: ", whole.indexOf("好的，"));
        String head = whole.substring(0, cut);
        String tail = whole.substring(cut);
        int diff = tail.getBytes(StandardCharsets.UTF_8).length - head.getBytes(StandardCharsets.UTF_8).length;
        return diff >= 0 ? head + comment(diff) + tail : head + tail + comment(-diff);
    }

    /** Exactly {@code bytes} bytes that an SSE client skips: a comment line, or blank lines when too short. */
    private static String comment(int bytes) {
        return bytes < 3 ? "\n".repeat(bytes) : ":" + " ".repeat(bytes - 3) + "\n\n";
    }
}
