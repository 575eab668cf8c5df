package cn.zhibiao.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings for tests that start the real application: each test class gets its own data directory, so its
 * embedded PostgreSQL and index are fresh and real.
 */
public final class AppTest {

    private AppTest() {
    }

    public static Path dataDirectory(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("zhibiao-it-");
            registry.add("zhibiao.data-dir", dir::toString);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
