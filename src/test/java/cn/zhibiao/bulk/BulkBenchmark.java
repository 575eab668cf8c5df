package cn.zhibiao.bulk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.Seeds;
import cn.zhibiao.proposal.OpenAiAnswers;
import cn.zhibiao.system.CommandSettings;

/**
 * End to end, as {@code bulk} runs it: synthetic Word forms → the Spring Batch job (short-lived embedded PostgreSQL)
 * → the workbook and JSON. Prints declarations per second from the job's creation to its last file written, and the
 * heap used after a full GC. Environment as for the app (ZHIBIAO_BULK_*).
 * <p>
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.zhibiao.bulk.BulkBenchmark [declarations]}
 * <p>
 * With {@code llm} as second argument and ZHIBIAO_LLM_BASE_URL=http://localhost:PORT/v1, a WireMock provider on PORT
 * answers every call after {@link #LLM_LATENCY_MS} ms with a real-shaped completion; calls per second are printed too.
 */
public final class BulkBenchmark {

    private static final int PER_FILE = 50;
    static final int LLM_LATENCY_MS = 2000;
    /** Enough server threads that the provider itself never queues the job's concurrent calls. */
    private static final int PROVIDER_THREADS = 32;

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        WireMockServer provider = args.length > 1 && args[1].equals("llm") ? provider() : null;
        Path dir = Files.createTempDirectory("zhibiao-bulk-bench-");
        List<Path> files = SyntheticForms.write(dir, count, PER_FILE, count);
        int declarations = new FormImporter(Seeds.LIMIT).readAll(files).declarations().size();
        List<LocalBulk.Input> inputs = files.stream()
                .map(f -> new LocalBulk.Input(f.getFileName().toString(), f)).toList();
        try {
            double[] load = {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 0};
            LocalBulk.run(CommandSettings.load(), inputs, false, Duration.ofSeconds(1), view -> {
            }, outcome -> {
                Instant end = Instant.now();
                double seconds = Duration.between(outcome.job().createdAt(), end).toMillis() / 1000.0;
                load[1] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                System.gc();
                long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                System.out.printf(Locale.ROOT, "%d declarations in %d files (%d read back): %s, %.1f s, "
                                + "%.1f declarations/s, done %d, failed %d, skipped files %d, workbook %.1f MB, heap used after GC %.1f MB,"
                                + " load average %.2f before, %.2f after%n",
                        count, files.size(), declarations, outcome.job().status(), seconds,
                        outcome.job().counts().done() / seconds, outcome.job().counts().done(),
                        outcome.job().counts().failed(), outcome.job().counts().skipped(),
                        size(outcome.workbook()) / 1e6, heap / 1024.0 / 1024.0, load[0], load[1]);
                if (provider != null) {
                    int calls = provider.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
                    System.out.printf(Locale.ROOT, "LLM calls: %d, %.2f calls/s (2 s each)%n", calls, calls / seconds);
                }
            });
        } finally {
            if (provider != null) {
                provider.stop();
            }
        }
    }

    private static final String PATH = "/v1/chat/completions";

    private static WireMockServer provider() {
        URI base = URI.create(System.getenv("ZHIBIAO_LLM_BASE_URL"));
        WireMockServer server = new WireMockServer(options().port(base.getPort()).containerThreads(PROVIDER_THREADS));
        server.start();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OpenAiAnswers.typicalCompletion())
                .withFixedDelay(LLM_LATENCY_MS)));
        return server;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
