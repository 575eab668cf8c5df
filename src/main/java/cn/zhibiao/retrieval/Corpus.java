package cn.zhibiao.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

/** The shipped corpus the index is built from: normalised declarations and the instruction examples. */
record Corpus(List<Declaration> declarations, List<InstructionExample> examples) {

    private static final Logger log = LoggerFactory.getLogger(Corpus.class);

    Corpus {
        declarations = List.copyOf(declarations);
        examples = List.copyOf(examples);
    }

    /** The corpus directory; when it does not exist (a jar run from elsewhere), the copy shipped in the jar. */
    static Corpus read(Path corpusDir) {
        if (!Files.isDirectory(corpusDir)) {
            log.info("语料目录 {} 不存在，使用程序包内置的语料", corpusDir.toAbsolutePath());
            return bundled();
        }
        return new Corpus(declarations(corpusDir.resolve("declarations")),
                examples(corpusDir.resolve("instructions").resolve("instructions.json")));
    }

    private static Corpus bundled() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                Corpus.class.getClassLoader());
        try {
            Resource[] files = resolver.getResources("classpath*:corpus/declarations/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<Declaration> all = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    all.addAll(List.of(Json.mapper().readValue(in, Declaration[].class)));
                }
            }
            List<InstructionExample> examples = new ArrayList<>();
            Resource instructions = resolver.getResource("classpath:corpus/instructions/instructions.json");
            if (instructions.exists()) {
                try (InputStream in = instructions.getInputStream()) {
                    for (JsonNode example : Json.mapper().readTree(in).path("examples")) {
                        examples.add(Json.mapper().treeToValue(example, InstructionExample.class));
                    }
                }
            }
            return new Corpus(all.stream().map(Declaration::withParsedValues).toList(), examples);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取程序包内置的语料", e);
        }
    }

    private static List<Declaration> declarations(Path dir) {
        if (!Files.isDirectory(dir)) {
            log.warn("语料目录 {} 不存在，检索索引将为空", dir.toAbsolutePath());
            return List.of();
        }
        List<Declaration> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
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
