package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zhibiao.corpus.Seeds;

/**
 * The packaged jar as a real process (heap capped at 1 GB), killed with SIGKILL right after an import and started
 * once more: it starts, despite the PostgreSQL the killed process left running, and the import is there and found.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target/zhibiao.jar");
    private static final Duration STARTUP = Duration.ofMinutes(5);

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (RunningApp.ADMIN + ":" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void startsOnceAfterKillMinusNineWithTheImportSearchable() throws Exception {
        Path dataDir = Files.createTempDirectory("zhibiao-crash-");
        int port = freePort();
        app = start(dataDir, port, "first");
        String boundary = "zhibiao-crash";
        byte[] form = Files.readAllBytes(Seeds.file("002"));
        byte[] body = multipart(boundary, "断电前.txt", form);
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/import")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        app.destroyForcibly().waitFor();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("PostgreSQL outlived the app").isTrue();

        app = start(dataDir, port, "second");
        HttpResponse<String> similar = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/similar")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString("{\"projectName\":\"城市低保金\",\"k\":10}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(similar.statusCode()).isEqualTo(200);
        assertThat(similar.body()).contains("断电前.txt");
    }

    private Process start(Path dataDir, int port, String name) throws Exception {
        Path log = dataDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ZHIBIAO_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("ZHIBIAO_ADMIN_PASSWORD", RunningApp.ADMIN_PASSWORD);
        Process process = builder.start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("start failed:\n%s", Files.readString(log)).isTrue();
            try {
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/status")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not up after " + STARTUP + ":\n" + Files.readString(log));
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
