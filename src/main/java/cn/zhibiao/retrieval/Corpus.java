package cn.zhibiao.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The shipped corpus the index is built from: normalised declarations and the instruction examples, and the
 * fingerprint of the files they were read from (stored with the index, so that an unchanged corpus is not re-indexed).
 */
record Corpus(List<Declaration> declarations, List<InstructionExample> examples, String fingerprint) {

    private static final Logger log = LoggerFactory.getLogger(Corpus.class);

    Corpus {
        declarations = List.copyOf(declarations);
        examples = List.copyOf(examples);
    }

    /** One file of the corpus, wherever it was read from. */
    private record CorpusFile(String name, byte[] bytes) {
    }

    /** The files of a corpus, read but not parsed. */
    private record Sources(List<CorpusFile> declarations, Optional<CorpusFile> instructions) {
        List<CorpusFile> all() {
            List<CorpusFile> all = new ArrayList<>(declarations);
            instructions.ifPresent(all::add);
            return all;
        }
    }

    /** The corpus directory; when it does not exist (a jar run from elsewhere), the copy shipped in the jar. */
    static Corpus read(Path corpusDir) {
        return parse(sources(corpusDir));
    }

    /**
     * SHA-256 over the names and bytes of the corpus files, without parsing them: reading a few MB is milliseconds,
     * parsing and re-indexing them is what start-up must avoid.
     */
    static String fingerprint(Path corpusDir) {
        return fingerprint(sources(corpusDir).all());
    }

    private static Sources sources(Path corpusDir) {
        if (!Files.isDirectory(corpusDir)) {
            log.info("语料目录 {} 不存在，使用程序包内置的语料", corpusDir.toAbsolutePath());
            return new Sources(bundledDeclarations(), bundledInstructions());
        }
        Path declarations = corpusDir.resolve("declarations");
        if (!Files.isDirectory(declarations)) {
            log.warn("语料目录 {} 不存在，检索索引将为空", declarations.toAbsolutePath());
        }
        return new Sources(directoryDeclarations(declarations),
                fileIfPresent(corpusDir.resolve("instructions").resolve("instructions.json")));
    }

    private static Corpus parse(Sources sources) {
        List<Declaration> declarations = new ArrayList<>();
        for (CorpusFile file : sources.declarations()) {
            try {
                declarations.addAll(List.of(Json.mapper().readValue(file.bytes(), Declaration[].class)));
            } catch (JacksonException e) {
                throw new IllegalStateException("语料文件 " + file.name() + " 不是有效的申报 JSON：" + e.getOriginalMessage(), e);
            }
        }
        List<InstructionExample> examples = new ArrayList<>();
        if (sources.instructions().isEmpty()) {
            log.info("未找到编报说明示例，检索索引不含示例");
        }
        sources.instructions().ifPresent(file -> {
            try {
                for (JsonNode example : Json.mapper().readTree(file.bytes()).path("examples")) {
                    examples.add(Json.mapper().treeToValue(example, InstructionExample.class));
                }
            } catch (JacksonException e) {
                throw new IllegalStateException("编报说明文件 " + file.name() + " 不是有效的 JSON：" + e.getOriginalMessage(), e);
            }
        });
        return new Corpus(declarations.stream().map(Declaration::withParsedValues).toList(), examples,
                fingerprint(sources.all()));
    }

    private static String fingerprint(List<CorpusFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (CorpusFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update(file.bytes());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static List<CorpusFile> directoryDeclarations(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<CorpusFile> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(new CorpusFile(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取语料目录 " + dir, e);
        }
    }

    private static Optional<CorpusFile> fileIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CorpusFile(file.getFileName().toString(), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    private static List<CorpusFile> bundledDeclarations() {
        try {
            Resource[] files = resolver().getResources("classpath*:corpus/declarations/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<CorpusFile> all = new ArrayList<>();
            for (Resource file : files) {
                all.add(new CorpusFile(file.getFilename(), bytes(file)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取程序包内置的语料", e);
        }
    }

    private static Optional<CorpusFile> bundledInstructions() {
        Resource instructions = resolver().getResource("classpath:corpus/instructions/instructions.json");
        try {
            return instructions.exists()
                    ? Optional.of(new CorpusFile(instructions.getFilename(), bytes(instructions)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取程序包内置的编报说明示例", e);
        }
    }

    private static PathMatchingResourcePatternResolver resolver() {
        return new PathMatchingResourcePatternResolver(Corpus.class.getClassLoader());
    }

    private static byte[] bytes(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
