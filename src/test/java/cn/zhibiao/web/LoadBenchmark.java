package cn.zhibiao.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running server over loopback, run by hand (see BENCHMARKS.md):
 * {@code LoadBenchmark http://127.0.0.1:PORT [clients] [seconds]}. Each client sends its next request when the
 * previous one is answered, alternating realistic bodies; printed per endpoint: requests/s, p50, p99, errors. Requests
 * sign in as a script does (HTTP Basic as admin, the password from ZHIBIAO_ADMIN_PASSWORD, as the server was started).
 */
public final class LoadBenchmark {

    private static final String CHECK = """
            {"kind":"PROJECT","projectName":"城乡居民医疗保险区级财政补助资金","fundsWanYuan":600,
             "annualGoal":"按时足额拨付城乡居民医保区级财政补助资金，保障参保居民基本医疗需求。",
             "indicators":[
              {"level1":"产出指标","level2":"数量指标","name":"参保人数","value":"≥12万人"},
              {"level1":"产出指标","level2":"质量指标","name":"补助资金拨付准确率","value":"100%"},
              {"level1":"产出指标","level2":"时效指标","name":"资金拨付时间","value":"2024年12月底前"},
              {"level1":"产出指标","level2":"成本指标","name":"人均财政补助标准","value":"≤640元/人"},
              {"level1":"效益指标","level2":"社会效益指标","name":"参保率","value":"≥95%"},
              {"level1":"效益指标","level2":"可持续影响指标","name":"医保制度持续运行","value":"长期"},
              {"level1":"满意度指标","level2":"服务对象满意度指标","name":"参保群众满意度","value":"≥90%"}]}
            """;

    private static final List<String> SIMILAR = List.of(
            "{\"projectName\":\"城市低保金\",\"overview\":\"按月发放城市最低生活保障金，保障困难群众基本生活\"}",
            "{\"projectName\":\"义务兵家庭优待金\",\"overview\":\"向义务兵家庭发放优待金\"}",
            "{\"projectName\":\"农村道路维护\",\"overview\":\"乡村公路日常养护和危桥改造\"}",
            "{\"projectName\":\"高龄老人津贴\",\"overview\":\"80周岁以上老人按月发放高龄津贴\"}");

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + System.getenv("ZHIBIAO_ADMIN_PASSWORD")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        run(base + "/api/check", List.of(CHECK), clients, 5, basic);
        run(base + "/api/similar", SIMILAR, clients, 5, basic);
        run(base + "/api/check", List.of(CHECK), clients, seconds, basic);
        run(base + "/api/similar", SIMILAR, clients, seconds, basic);
    }

    private static void run(String url, List<String> bodies, int clients, int seconds, String basic)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<Future<List<Long>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    for (int i = client; System.nanoTime() < end; i++) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").header("Authorization", basic)
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                        long start = System.nanoTime();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - start);
                    }
                    return latencies;
                }));
            }
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        Collections.sort(all);
        System.out.printf("%s: %d clients, %d s: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d%n", url,
                clients, seconds, all.size(), all.size() / (double) seconds, percentile(all, 50), percentile(all, 99),
                errors.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
