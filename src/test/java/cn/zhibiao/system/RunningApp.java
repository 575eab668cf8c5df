package cn.zhibiao.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Base of the tests that start the real application on a free port, with its embedded PostgreSQL and its index in a
 * fresh temporary data directory, and talk to it over HTTP as the panel does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApp {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        try {
            String dir = Files.createTempDirectory("zhibiao-it-").toString();
            registry.add("zhibiao.data-dir", () -> dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** POST /api/import of a file as the panel uploads it. */
    protected WebTestClient.ResponseSpec upload(String name, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return client().post().uri("/api/import").body(BodyInserters.fromMultipartData(body.build())).exchange();
    }
}
