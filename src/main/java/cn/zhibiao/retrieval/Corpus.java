package cn.zhibiao.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    static Corpus read(Path corpusDir) {
        return new Corpus(declarations(corpusDir.resolve("declarations")),
                examples(corpusDir.resolve("instructions").resolve("instructions.json")), fingerprint(corpusDir));
    }

    /**
     * SHA-256 over the names and bytes of the files {@link #read} reads, without parsing them: reading a few MB is
     * milliseconds, parsing and re-indexing them is what start-up must avoid.
     */
    static String fingerprint(Path corpusDir) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(jsonFiles(corpusDir.resolve("declarations")));
            files.add(corpusDir.resolve("instructions").resolve("instructions.json"));
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0]);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取语料目录 " + corpusDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Declaration> declarations(Path dir) {
        if (!Files.isDirectory(dir)) {
            log.warn("语料目录 {} 不存在，检索索引将为空", dir.toAbsolutePath());
            return List.of();
        }
        List<Declaration> all = new ArrayList<>();
        try {
            for (Path file : jsonFiles(dir)) {
                try {
                    all.addAll(List.of(Json.mapper().readValue(file.toFile(), Declaration[].class)));
                } catch (JacksonException e) {
                    throw new IllegalStateException("语料文件 " + file + " 不是有效的申报 JSON：" + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取语料目录 " + dir, e);
        }
        return all.stream().map(Declaration::withParsedValues).toList();
    }

    private static List<InstructionExample> examples(Path file) {
        if (!Files.isRegularFile(file)) {
            log.info("未找到编报说明示例 {}，检索索引不含示例", file.toAbsolutePath());
            return List.of();
        }
        try {
            JsonNode examples = Json.mapper().readTree(file.toFile()).path("examples");
            List<InstructionExample> all = new ArrayList<>();
            for (JsonNode example : examples) {
                all.add(Json.mapper().treeToValue(example, InstructionExample.class));
            }
            return all;
        } catch (JacksonException e) {
            throw new IllegalStateException("编报说明文件 " + file + " 不是有效的 JSON：" + e.getOriginalMessage(), e);
        }
    }
}
