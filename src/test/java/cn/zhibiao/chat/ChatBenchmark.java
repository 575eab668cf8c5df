package cn.zhibiao.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.zhibiao.indicator.Declaration;

/**
 * Offline chat turn latency over the fixture draft, with the real index, checker, proposer and instructions: each
 * message of a mix covering every intent (proposals and similar-project searches included, which embed a query)
 * turned many times after warm-up; p50/p95/max per intent and overall. Target: p95 ≤ 300 ms.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.zhibiao.chat.ChatBenchmark [rounds]}
 * after {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}.
 */
public final class ChatBenchmark {

    static final List<String> MESSAGES = List.of("补充一个成本指标", "把满意度改成不低于95%", "第3行为什么被标记？",
            "有没有别的区县的医保补助项目？", "检查一下", "什么是可持续影响指标？", "撤销上一步", "今天天气怎么样",
            "补充两个时效指标");

    private ChatBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Declaration draft = ChatFixtures.draft();
        long start = System.nanoTime();
        OfflineAssistant assistant = TestAssistants.offline();
        System.out.printf(Locale.ROOT, "startup (index, checker, grammar): %.0f ms%n", (System.nanoTime() - start) / 1e6);
        start = System.nanoTime();
        assistant.turn(draft, List.of(), MESSAGES.getFirst()).blockLast();
        System.out.printf(Locale.ROOT, "first turn: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        for (int i = 0; i < 5; i++) {
            MESSAGES.forEach(m -> assistant.turn(draft, List.of(), m).blockLast());
        }
        List<Double> all = new ArrayList<>();
        for (String message : MESSAGES) {
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                assistant.turn(draft, List.of(), message).blockLast();
                ms[i] = (System.nanoTime() - t) / 1e6;
                all.add(ms[i]);
            }
            print(message, ms);
        }
        print("all turns", all.stream().mapToDouble(Double::doubleValue).toArray());
        System.exit(0);
    }

    private static void print(String label, double[] ms) {
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-24s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", label, ms.length,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
    }
}
