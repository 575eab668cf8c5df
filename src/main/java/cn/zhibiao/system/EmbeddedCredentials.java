package cn.zhibiao.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded PostgreSQL's passwords, generated at the first start and kept in a file only the app's OS user can
 * read. They are written before the database is initialised, so a start interrupted half-way never leaves a
 * database whose password is lost.
 */
record EmbeddedCredentials(String superuserPassword, String appPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedCredentials loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                return new EmbeddedCredentials(p.getProperty("superuser-password"), p.getProperty("app-password"));
            }
            EmbeddedCredentials created = new EmbeddedCredentials(generate(), generate());
            created.save(file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("内置 PostgreSQL 的口令文件 " + file + " 无法读写：" + e.getMessage(), e);
        }
    }

    private void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties p = new Properties();
        p.setProperty("superuser-password", superuserPassword);
        p.setProperty("app-password", appPassword);
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "Zhibiao embedded PostgreSQL; generated, do not share");
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
