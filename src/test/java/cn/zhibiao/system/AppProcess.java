package cn.zhibiao.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The packaged application (target/zhibiao.jar) as a separate operating-system process on a free port, against a
 * PostgreSQL given by URL (or its own embedded one), with its own data directory: what an administrator runs, and what
 * {@code kill -9} hits. Its heap is capped well under 1 GB and an OutOfMemoryError ends it, so a test that finds it
 * alive knows the heap held.
 */
final class AppProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/zhibiao.jar");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path dataDir;
    private final String jdbcUrl;
    private final int port;
    private final Path log;
    private Process process;

    /** With {@code jdbcUrl} null the application starts its embedded PostgreSQL in {@code dataDir}. */
    AppProcess(Path dataDir, String jdbcUrl) {
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.port = freePort();
        this.log = dataDir.resolve("app.log");
    }

    /** Starts the process; {@link #awaitUp} waits for it to answer. */
    AppProcess start() {
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                    "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-jar", JAR.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("ZHIBIAO_DATA_DIR", dataDir.toString());
            builder.environment().put("PORT", String.valueOf(port));
            if (jdbcUrl != null) {
                builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
                builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
            }
            builder.environment().put("ZHIBIAO_ADMIN_PASSWORD", RunningApp.ADMIN_PASSWORD);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AppProcess awaitUp() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        WebClient probe = WebClient.create(baseUrl());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("应用进程已退出：\n" + logTail());
            }
            try {
                probe.get().uri("/api/status").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
                return this;
            } catch (RuntimeException notYet) {
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("应用未在 " + START_TIMEOUT + " 内启动：\n" + logTail());
    }

    boolean alive() {
        return process.isAlive();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client signed in as the administrator (HTTP Basic). */
    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(h -> h.setBasicAuth(RunningApp.ADMIN, RunningApp.ADMIN_PASSWORD)).build();
    }

    /** SIGKILL: no shutdown hook, no flush, connections cut mid-request. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "（无日志）";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
