package cn.zhibiao.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import cn.zhibiao.system.CommandSettings;

/** Indexes of the seed declarations and the instruction fixture, in a test's temporary directory. */
final class TestIndexes {

    private TestIndexes() {
    }

    /** application.yaml's settings, with the index and the corpus (seeds plus fixture) under {@code dir}. */
    static RetrievalSettings settings(Path dir) {
        RetrievalSettings yaml = RetrievalSettings.from(CommandSettings.load()::get);
        return yaml.withIndexDir(dir.resolve("index")).withCorpusDir(corpus(dir));
    }

    private static Path corpus(Path dir) {
        Path corpus = dir.resolve("corpus");
        try {
            Files.createDirectories(corpus.resolve("declarations"));
            Files.createDirectories(corpus.resolve("instructions"));
            try (Stream<Path> seeds = Files.list(Path.of("corpus", "declarations"))) {
                for (Path seed : seeds.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.copy(seed, corpus.resolve("declarations").resolve(seed.getFileName()));
                }
            }
            try (InputStream fixture = TestIndexes.class.getResourceAsStream("/retrieval/instructions.json")) {
                Files.copy(fixture, corpus.resolve("instructions").resolve("instructions.json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corpus;
    }
}
