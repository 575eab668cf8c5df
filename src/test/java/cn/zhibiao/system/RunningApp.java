package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * fresh temporary data directory, and talk to it over HTTP as the panel does. {@link #client()} is signed in as the
 * first administrator (HTTP Basic, as scripts are); {@link #createUser} and {@link #clientAs} give other users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApp {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        try {
            String dir = Files.createTempDirectory("zhibiao-it-").toString();
            registry.add("zhibiao.data-dir", () -> dir);
            registry.add("zhibiao.security.admin-password", () -> ADMIN_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client signed in as the administrator. */
    protected WebTestClient client() {
        return clientAs(ADMIN, ADMIN_PASSWORD);
    }

    /** A client signed in (HTTP Basic) as the given user. */
    protected WebTestClient clientAs(String username, String password) {
        return anonymous().mutate().defaultHeaders(h -> h.setBasicAuth(username, password)).build();
    }

    /** A client without any login. */
    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * Creates a user through POST /api/admin/users; the password is {@link #passwordOf}. Test classes share one running
     * app, so a user an earlier class created is taken as it is.
     */
    protected void createUser(String username, String role, String... departments) {
        client().post().uri("/api/admin/users")
                .bodyValue(Map.of("username", username, "password", passwordOf(username), "role", role,
                        "departments", List.of(departments)))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(201, 409));
    }

    protected static String passwordOf(String username) {
        return "pw-" + username + "-2024";
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
