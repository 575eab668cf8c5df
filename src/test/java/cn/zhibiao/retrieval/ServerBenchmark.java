package cn.zhibiao.retrieval;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/**
 * The packaged server, measured from outside as users meet it: {@code java -jar target/zhibiao.jar} on a free port.
 * Not a test: timings depend on the machine. Build the jar first ({@code ./mvnw -q package -DskipTests}), then:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp target/classes:target/test-classes:$(cat target/bench.cp) cn.zhibiao.retrieval.ServerBenchmark startup
 * java -cp target/classes:target/test-classes:$(cat target/bench.cp) cn.zhibiao.retrieval.ServerBenchmark load 10000
 * </pre>
 *
 * {@code -Dbench.jar=…} measures another copy of the jar (one that a build does not overwrite meanwhile).
 * {@code startup}: seconds from launching the JVM to the first answer of {@code GET /api/status}, with the shipped
 * corpus: once on an empty data directory (initdb, migrations, index build), then three times on the same directory
 * (PostgreSQL initialised, index opened because the corpus is unchanged).
 * {@code load N}: the seeds plus N synthetic declarations (none for {@code load 0}) as the corpus ({@code target/benchmark/corpus-N}, index kept in
 * {@code target/benchmark/server-N} so that it is built once), then {@value #CLIENTS} clients posting
 * {@code /api/similar} back to back for {@value #SECONDS} s after {@value #WARMUP_SECONDS} s of warm-up; twice: every
 * query text new (the query embedding is always computed) and the 720 benchmark texts in turn (served by the cache
 * after their first round). Figures are appended to {@code target/benchmark/results.md}.
 */
public final class ServerBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 15);
    private static final Path ROOT = Path.of("target", "benchmark");
    private static final Path JAR = Path.of(System.getProperty("bench.jar", "target/zhibiao.jar"));
    /** The admin's password, set when the server's data directory is first used; requests sign in as a script does. */
    private static final String PASSWORD = System.getProperty("bench.password", "zhibiao-bench-2026");
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(ROOT);
        report("%n### %s, `java -jar %s` (%,d bytes), %d cores%n", Instant.now(), JAR, Files.size(JAR),
                Runtime.getRuntime().availableProcessors());
        switch (args[0]) {
            case "startup" -> startup();
            case "load" -> load(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("startup | load N");
        }
    }

    private static void startup() throws Exception {
        Path data = Files.createTempDirectory("zhibiao-startup-");
        for (int run = 0; run < Integer.getInteger("bench.starts", 4); run++) {
            Server server = Server.start(data, Path.of("corpus"));
            report("| start-up %s | %.1f s to /api/status | server CPU %.1f s | load average %s |%n",
                    run == 0 ? "on an empty data directory" : "again (run " + run + ")", server.startSeconds,
                    server.cpuSeconds(), RetrievalBenchmark.loadAverage());
            server.stop();
        }
    }

    private static void load(int size) throws Exception {
        Path corpus = size == 0 ? Path.of(CommandSettings.load().get("zhibiao.corpus.dir")) : syntheticCorpus(size);
        Server server = Server.start(ROOT.resolve("server-" + size), corpus);
        report("| %,d declarations: server answered after %.1f s | load average %s |%n", size, server.startSeconds,
                RetrievalBenchmark.loadAverage());
        List<String> texts = RetrievalBenchmark.queries();
        try {
            AtomicLong unique = new AtomicLong();
            run(server, size, "every query new", () -> texts.get((int) (unique.get() % texts.size()))
                    + "（" + unique.incrementAndGet() + "）");
            AtomicLong turn = new AtomicLong();
            run(server, size, texts.size() + " query texts in turn",
                    () -> texts.get((int) (turn.getAndIncrement() % texts.size())));
        } finally {
            server.stop();
        }
    }

    private static void run(Server server, int size, String mix, java.util.function.Supplier<String> next)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        long end = warmupEnd + SECONDS * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    String body = Json.mapper().writeValueAsString(new Request(next.get(), 5));
                    HttpRequest request = HttpRequest.newBuilder(server.uri("/api/similar"))
                            .header("Content-Type", "application/json").header("Authorization", BASIC)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (start >= warmupEnd) {
                        nanos.add(System.nanoTime() - start);
                    }
                }
            }));
        }
        String load = RetrievalBenchmark.loadAverage();
        Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
        double cpuAtStart = server.cpuSeconds();
        for (Thread t : clients) {
            t.join();
        }
        double cpu = server.cpuSeconds() - cpuAtStart;
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        report("| /api/similar, %,d declarations, %d clients, %s | %.0f req/s | p50 %.0f ms, p99 %.0f ms | "
                + "server CPU %.1f ms/request | %d failed | load average at start %s, at end %s |%n", size, CLIENTS,
                mix, sorted.length / (double) SECONDS, percentile(sorted, 0.50), percentile(sorted, 0.99),
                cpu * 1000 / Math.max(1, sorted.length), failures.get(), load, RetrievalBenchmark.loadAverage());
    }

    private record Request(String projectName, int k) {
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * p) - 1] / 1e6;
    }

    /** The seeds and {@code size} synthetic declarations, 1,000 to a file, with the shipped instructions. */
    private static Path syntheticCorpus(int size) throws IOException {
        Path corpus = ROOT.resolve("corpus-" + size);
        Path declarations = corpus.resolve("declarations");
        if (Files.isDirectory(declarations)) {
            return corpus;
        }
        Files.createDirectories(declarations);
        Files.createDirectories(corpus.resolve("instructions"));
        Path shipped = Path.of(CommandSettings.load().get("zhibiao.corpus.dir"));
        Files.copy(shipped.resolve("instructions").resolve("instructions.json"),
                corpus.resolve("instructions").resolve("instructions.json"));
        List<Declaration> seeds = Corpus.read(shipped).declarations();
        List<Declaration> all = new ArrayList<>(seeds);
        all.addAll(SyntheticDeclarations.generate(seeds, size, size));
        for (int from = 0; from < all.size(); from += 1000) {
            Json.mapper().writeValue(declarations.resolve(String.format(Locale.ROOT, "part-%04d.json", from / 1000))
                    .toFile(), all.subList(from, Math.min(all.size(), from + 1000)));
        }
        return corpus;
    }

    private static void report(String format, Object... args) throws IOException {
        String line = String.format(Locale.ROOT, format, args);
        System.out.print(line);
        Files.writeString(ROOT.resolve("results.md"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The jar in its own JVM, with its data directory and corpus; started when {@code /api/status} answers. */
    private record Server(Process process, int port, double startSeconds) {

        static Server start(Path data, Path corpus) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = ROOT.resolve("server-" + port + ".log");
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", JAR.toString(), "serve", "--server.port=" + port,
                    "--zhibiao.data-dir=" + data.toAbsolutePath(), "--zhibiao.corpus.dir=" + corpus.toAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ZHIBIAO_ADMIN_PASSWORD", PASSWORD);
            Process process = builder.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            URI status = URI.create("http://localhost:" + port + "/api/status");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped; see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return new Server(process, port, (System.nanoTime() - start) / 1e9);
                    }
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
        }

        /**
         * CPU time the server has used (all threads of the launched JVM, the JVM it starts the application in, and
         * PostgreSQL): wall-clock start-up grows with the machine's load.
         */
        double cpuSeconds() {
            return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0)).sum();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
