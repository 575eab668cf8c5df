package cn.zhibiao.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;
import tools.jackson.core.type.TypeReference;

/**
 * Offline chat turn latency over the fixture draft, with the real index, checker, proposer and instructions: each
 * message of a mix covering every intent (proposals and similar-project searches included, which embed a query)
 * turned many times after warm-up; p50/p95/max per intent and overall. Target: p95 ≤ 300 ms.
 * <p>
 * In process: {@code ChatBenchmark [rounds]}. Through HTTP against a running app (the draft-backed endpoint, its
 * PostgreSQL and its stored conversation included): {@code ChatBenchmark --http URL [rounds]}, signed in as the
 * administrator with the password from ZHIBIAO_ADMIN_PASSWORD, as the server was started. Each round turns the mix on
 * a new draft, so a conversation is as long as the mix; the time is from sending the message to the {@code done}
 * event. Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.zhibiao.chat.ChatBenchmark …}
 * after {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test}.
 */
public final class ChatBenchmark {

    static final List<String> MESSAGES = List.of("补充一个成本指标", "把满意度改成不低于95%", "第3行为什么被标记？",
            "有没有别的区县的医保补助项目？", "检查一下", "什么是可持续影响指标？", "撤销上一步", "今天天气怎么样",
            "补充两个时效指标");

    private static final int WARM_UP_ROUNDS = 5;
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ChatBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--http")) {
            http(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 30);
        } else {
            inProcess(args.length > 0 ? Integer.parseInt(args[0]) : 50);
        }
        System.exit(0);
    }

    private static void inProcess(int rounds) {
        Declaration draft = ChatFixtures.draft();
        long start = System.nanoTime();
        OfflineAssistant assistant = TestAssistants.offline();
        System.out.printf(Locale.ROOT, "startup (index, checker, grammar): %.0f ms%n", (System.nanoTime() - start) / 1e6);
        start = System.nanoTime();
        assistant.turn(draft, List.of(), MESSAGES.getFirst()).blockLast();
        System.out.printf(Locale.ROOT, "first turn: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            MESSAGES.forEach(m -> assistant.turn(draft, List.of(), m).blockLast());
        }
        List<Double> all = new ArrayList<>();
        for (String message : MESSAGES) {
            double[] ms = new double[rounds];
            long cpu = CPU.getProcessCpuTime();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                assistant.turn(draft, List.of(), message).blockLast();
                ms[i] = (System.nanoTime() - t) / 1e6;
                all.add(ms[i]);
            }
            print(message, ms);
            // Process CPU time over all threads (the query embedding runs on its own pool): what a turn costs,
            // which the machine's load barely moves, unlike the wall-clock figures.
            System.out.printf(Locale.ROOT, "%-24s cpu/turn=%.1f ms%n", "",
                    (CPU.getProcessCpuTime() - cpu) / 1e6 / rounds);
        }
        print("all turns", all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void http(String base, int rounds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + System.getenv("ZHIBIAO_ADMIN_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        System.out.println("load average before: " + loadAverage());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        MESSAGES.forEach(m -> times.put(m, new ArrayList<>()));
        for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
            long draft = createDraft(client, base, basic, round);
            for (String message : MESSAGES) {
                long t = System.nanoTime();
                turn(client, base, basic, draft, message);
                if (round >= WARM_UP_ROUNDS) {
                    times.get(message).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        List<Double> all = new ArrayList<>();
        times.forEach((message, ms) -> {
            all.addAll(ms);
            print(message, ms.stream().mapToDouble(Double::doubleValue).toArray());
        });
        print("all turns", all.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.println("load average after: " + loadAverage());
    }

    /** The fixture draft, its overview numbered by round so that each round's first search embeds a new text. */
    private static long createDraft(HttpClient client, String base, String basic, int round) throws Exception {
        Map<String, Object> declaration;
        try (InputStream in = ChatBenchmark.class.getResourceAsStream("/chat/draft.json")) {
            declaration = Json.mapper().readValue(in, new TypeReference<>() {
            });
        }
        declaration.put("overview", declaration.get("overview") + "（第" + (round + 1) + "批）");
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/drafts"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(declaration))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the draft: " + created.statusCode() + " " + created.body());
        }
        return Json.mapper().readTree(created.body()).get("id").asLong();
    }

    /** One turn, read until its {@code done} event. */
    private static void turn(HttpClient client, String base, String basic, long draft, String message)
            throws Exception {
        HttpResponse<Stream<String>> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/drafts/" + draft + "/chat"))
                        .header("Authorization", basic).header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Json.mapper().writeValueAsString(Map.of("message", message))))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(message + ": " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                if (it.next().equals("event:done")) {
                    return;
                }
            }
        }
        throw new IllegalStateException(message + ": the stream ended without done");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(String label, double[] ms) {
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-24s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", label, ms.length,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
    }
}
