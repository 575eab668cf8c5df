package cn.zhibiao.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The word lists and patterns of {@code rules/phrases.yaml}, compiled once. Any problem names the file and the key.
 */
final class Phrases {

    static final String FILE = "rules/phrases.yaml";

    private final String source;
    private final Map<String, PhraseList> lists;
    private final Map<String, Pattern> patterns;

    private Phrases(String source, Map<String, PhraseList> lists, Map<String, Pattern> patterns) {
        this.source = source;
        this.lists = lists;
        this.patterns = patterns;
    }

    static Phrases load() {
        return load(FILE);
    }

    /** Reads a word-list file from the class path; every error message starts with its name. */
    static Phrases load(String resource) {
        JsonNode root;
        try (InputStream in = Phrases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " 不存在");
            }
            root = new YAMLMapper().readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(resource + " 无法读取：" + e.getMessage(), e);
        }
        Map<String, PhraseList> lists = new HashMap<>();
        JsonNode listNode = root.path("lists");
        if (!listNode.isObject()) {
            throw new IllegalStateException(resource + "：缺少 lists");
        }
        listNode.properties().forEach(e -> {
            String key = "lists." + e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new IllegalStateException(resource + "：" + key + " 应为非空列表");
            }
            List<String> phrases = e.getValue().valueStream().map(v -> {
                if (!v.isString() || v.asString().isBlank()) {
                    throw new IllegalStateException(resource + "：" + key + " 含有空的或非文本的词条“" + v + "”");
                }
                return v.asString().strip();
            }).toList();
            lists.put(e.getKey(), new PhraseList(phrases));
        });
        Map<String, Pattern> patterns = new HashMap<>();
        root.path("patterns").properties().forEach(e -> {
            try {
                patterns.put(e.getKey(), Pattern.compile(e.getValue().asString()));
            } catch (PatternSyntaxException ex) {
                throw new IllegalStateException(resource + "：patterns." + e.getKey() + " 不是有效的正则表达式：" + ex.getDescription());
            }
        });
        return new Phrases(resource, Map.copyOf(lists), Map.copyOf(patterns));
    }

    PhraseList list(String name) {
        PhraseList list = lists.get(name);
        if (list == null) {
            throw new IllegalStateException(source + " 缺少词表 lists." + name);
        }
        return list;
    }

    Pattern pattern(String name) {
        Pattern p = patterns.get(name);
        if (p == null) {
            throw new IllegalStateException(source + " 缺少正则 patterns." + name);
        }
        return p;
    }
}
