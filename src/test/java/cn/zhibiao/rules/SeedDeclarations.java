package cn.zhibiao.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;

/** The five seed documents of corpus/declarations, keyed by file name without extension. */
final class SeedDeclarations {

    static final Path DIR = Path.of("corpus/declarations");

    private SeedDeclarations() {
    }

    static Map<String, List<Declaration>> load() throws IOException {
        Map<String, List<Declaration>> seeds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".json", "");
                seeds.put(name, List.of(Json.mapper().readValue(file.toFile(), Declaration[].class)));
            }
        }
        return seeds;
    }

    static Declaration project(String projectName, int year) throws IOException {
        return load().values().stream().flatMap(List::stream)
                .filter(d -> d.projectName().equals(projectName) && year == d.year())
                .findFirst().orElseThrow(() -> new AssertionError("seed project not found: " + projectName));
    }
}
