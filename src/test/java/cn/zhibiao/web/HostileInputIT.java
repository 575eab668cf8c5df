package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.zhibiao.system.Json;
import cn.zhibiao.system.RunningApp;
import tools.jackson.databind.JsonNode;

/**
 * Requests an attacker would send, generated here, against the real application: each is answered with a Chinese
 * {"status", "message"} that names no Java class, SQL or path, and the server keeps answering while they run.
 */
class HostileInputIT extends RunningApp {

    private static final long SIX_HUNDRED_MB = 600L * 1024 * 1024;
    /** The limits are for signed-in callers; without this header every request would stop at the login check. */
    private static final String AUTHORIZATION = "Authorization: Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";

    record Answer(int status, JsonNode body) {
    }

    @Test
    void refusesAHugeExponentNamingTheField() {
        Answer a = post("/api/suggest", "{\"projectName\":\"城市低保\",\"fundsWanYuan\":1e999999999}");
        assertRefusal(a, 400);
        assertThat(message(a)).contains("fundsWanYuan").contains("超出");

        Answer similar = post("/api/similar", "{\"projectName\":\"城市低保\",\"fundsWanYuan\":-1E-999999999}");
        assertRefusal(similar, 400);
        assertThat(message(similar)).contains("fundsWanYuan");

        Answer check = post("/api/check", "{\"projectName\":\"城市低保\",\"fundsWanYuan\":1e999999999,\"indicators\":[]}");
        assertRefusal(check, 400);
        assertThat(message(check)).contains("fundsWanYuan");
    }

    @Test
    void refusesAHugePrecisionNumber() {
        String digits = "9".repeat(200_000);
        assertRefusal(post("/api/suggest", "{\"projectName\":\"城市低保\",\"fundsWanYuan\":" + digits + ".5}"), 400);
        assertRefusal(post("/api/check", "{\"projectName\":\"城市低保\",\"fundsWanYuan\":0." + digits + "}"), 400);
    }

    @Test
    void answersNulBytesInTextAndFileNamesWithoutAServerError() {
        Answer check = post("/api/check", "{\"projectName\":\"城市\\u0000低保\",\"indicators\":[{\"name\":\"\\u0000\","
                + "\"value\":\"≥95%\\u0000\"}]}");
        assertThat(check.status()).isLessThan(500);
        Answer similar = post("/api/similar", "{\"projectName\":\"城市\\u0000低保\"}");
        assertThat(similar.status()).isLessThan(500);

        byte[] form = ("项目名称\u0000城市低保\n绩效目标\u0000保障困难群众基本生活\n").getBytes(StandardCharsets.UTF_8);
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"民政\u0000局.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + new String(form, StandardCharsets.UTF_8) + "\r\n--b--\r\n";
        Answer upload = raw("POST", "/api/import", "multipart/form-data; boundary=b",
                multipart.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isLessThan(500);
        assertThat(upload.body().has("message") || upload.body().has("declarations")).isTrue();
    }

    @Test
    void refusesBrokenMultipart() {
        assertRefusal(raw("POST", "/api/import", "multipart/form-data; boundary=zzz",
                "这不是分段内容\r\n--yyy\r\n".getBytes(StandardCharsets.UTF_8)), 400);
        assertRefusal(raw("POST", "/api/import", "multipart/form-data",
                "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".getBytes(StandardCharsets.UTF_8)),
                400);
    }

    @Test
    void refusesA600MegabyteUploadBeforeReadingIt() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/import HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION + "Content-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + SIX_HUNDRED_MB + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            streamUntilAnswered(socket, SIX_HUNDRED_MB, false);
            assertRefusal(response(socket.getInputStream()), 413);
        }
    }

    @Test
    void cutsOffA600MegabyteUploadThatDeclaresNoLength() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/import HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION + "Content-Type: multipart/form-data; boundary=b\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"大.txt\"\r\n\r\n";
            out.write(chunk(head.getBytes(StandardCharsets.UTF_8)));
            streamUntilAnswered(socket, SIX_HUNDRED_MB, true);
            assertRefusal(response(socket.getInputStream()), 413);
        }
    }

    @Test
    void answersSpringsOwnErrorsInChinese() {
        assertRefusal(raw("GET", "/api/no-such-thing", null, null), 404);
        assertRefusal(raw("GET", "/api/check", null, null), 405);
        assertRefusal(raw("POST", "/api/suggest", "text/plain", "城市低保".getBytes(StandardCharsets.UTF_8)), 415);
        assertRefusal(post("/api/suggest", "{\"projectName\": [[[["), 400);
        assertRefusal(post("/api/similar", "{\"projectName\":\"x\",\"k\":\"很多\"}"), 400);
    }

    @Test
    void keepsAnsweringWhileHostileRequestsAreInFlight() throws IOException {
        List<Socket> hostile = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write(("POST /api/import HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION + ""
                        + "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().write(chunk(("--b\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"慢.xlsx\"\r\n\r\nPK").getBytes(StandardCharsets.UTF_8)));
                hostile.add(s);
            }
            hostile.add(new Socket("127.0.0.1", port));
            client().get().uri("/api/status").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.llm.configured").isEqualTo(false);
        } finally {
            for (Socket s : hostile) {
                s.close();
            }
        }
    }

    private static void assertRefusal(Answer a, int status) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.body().path("status").asInt()).isEqualTo(status);
        String message = message(a);
        assertThat(message).isNotBlank();
        assertThat(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as(message).isTrue();
        assertThat(message).doesNotContainPattern("(?i)exception|java\\.|org\\.|tools\\.jackson|sql|/tmp|select ");
        assertThat(a.body().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("status", "message");
    }

    private static String message(Answer a) {
        return a.body().path("message").asString();
    }

    private Answer post(String path, String json) {
        return raw("POST", path, MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    /** One request over a plain socket, so that bodies Spring's own clients would not send can be sent. */
    private Answer raw(String method, String path, String contentType, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION + ""
                    + "Accept: application/json\r\nConnection: close\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return response(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes generated bytes (never more than 64 KB in memory) until the server answers, refuses, or all is sent. */
    private static void streamUntilAnswered(Socket socket, long total, boolean chunked) throws IOException {
        byte[] raw = new byte[64 * 1024];
        Arrays.fill(raw, (byte) 'x');
        byte[] block = chunked ? chunk(raw) : raw;
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        long sent = 0;
        try {
            while (sent < total && in.available() == 0) {
                out.write(block);
                sent += raw.length;
            }
        } catch (IOException closedByServer) {
            // The server answered and closed the connection mid-body: the answer is read next.
        }
        assertThat(sent).as("bytes sent before the refusal").isLessThan(total);
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Status and JSON body of an HTTP/1.1 response (Content-Length or chunked). */
    private static Answer response(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
        } else {
            body.writeBytes(in.readNBytes((int) length));
        }
        return new Answer(code, Json.mapper().readTree(body.toByteArray()));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
