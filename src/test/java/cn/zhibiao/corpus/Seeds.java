package cn.zhibiao.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import cn.zhibiao.indicator.Declaration;

/** The five seed documents of {@code corpus/declarations/raw}, read through the real importer. */
public final class Seeds {

    public static final Path RAW = Path.of("corpus/declarations/raw");
    public static final long LIMIT = 50L * 1024 * 1024;
    /** The limits of application.yaml. */
    public static final ImportLimits LIMITS = ImportLimits.from(cn.zhibiao.system.CommandSettings.load());

    private Seeds() {
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(RAW)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String prefix) {
        return files().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    public static ImportResult read(String prefix) {
        try {
            return new FormImporter(LIMIT).read(file(prefix));
        } catch (ImportException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static List<Declaration> projects(String prefix) {
        return read(prefix).declarations().stream()
                .filter(d -> d.kind() == cn.zhibiao.indicator.DeclarationKind.PROJECT)
                .toList();
    }
}
