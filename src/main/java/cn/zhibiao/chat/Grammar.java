package cn.zhibiao.chat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.zhibiao.indicator.Level2;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The phrasing grammar of {@code chat/grammar.yaml}: cue phrases per intent, category synonyms, row references,
 * comparator words and fillers. Every phrase is normalised as messages are, so the file may be written in any form;
 * a problem in the file names it and the key, and stops the start.
 */
record Grammar(
        MessageText text,
        List<IntentRule> intents,
        boolean implicitPropose,
        Map<String, Level2> categories,
        List<String> topic,
        String rowPrefix,
        List<String> rowSuffixes,
        List<String> lastRow,
        Map<String, String> comparators,
        Map<String, String> directionalVerbs,
        List<String> valueConnectors,
        List<String> searchFillers,
        List<String> termFillers,
        List<Fact> facts,
        List<String> help) {

    static final String FILE = "chat/grammar.yaml";

    /** One intent's cues; {@code rowCues} count only with a row reference, {@code needsTopic} only about indicators. */
    record IntentRule(Intent intent, List<String> cues, List<String> rowCues, boolean needsTopic) {
    }

    /** A fact proposals of some categories need: asked for with {@code question}, read back with {@code answer}. */
    record Fact(String name, Set<Level2> categories, String question, Pattern answer) {

        /** The fact as the message states it ("3200人"), if it does. */
        Optional<String> in(String normalisedMessage) {
            Matcher m = answer.matcher(normalisedMessage);
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        }
    }

    static Grammar load() {
        return load(FILE);
    }

    static Grammar load(String resource) {
        JsonNode root;
        try (InputStream in = Grammar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " 不存在");
            }
            root = new YAMLMapper().readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(resource + " 无法读取：" + e.getMessage(), e);
        }
        return new Reader(resource, root).read();
    }

    private record Reader(String file, JsonNode root) {

        Grammar read() {
            Map<String, String> typos = new LinkedHashMap<>();
            root.path("typos").properties().forEach(e -> typos.put(e.getKey(), e.getValue().asString()));
            MessageText text = new MessageText(typos, strings(root, "numeral-counters"));
            Map<String, Level2> categories = new LinkedHashMap<>();
            require(root, "categories").properties().forEach(e -> {
                Level2 level2 = Level2.fromLabel(e.getKey());
                if (level2 == null || !level2.label().equals(e.getKey())) {
                    throw new IllegalStateException(file + "：categories 中的“" + e.getKey() + "”不是规范的二级指标名称");
                }
                categories.put(text.normalise(e.getKey()), level2);
                for (String synonym : strings(e.getValue(), "categories." + e.getKey())) {
                    categories.put(text.normalise(synonym), level2);
                }
            });
            JsonNode row = require(root, "row-reference");
            return new Grammar(text, intents(text), root.path("implicit-propose").asBoolean(false),
                    longestFirst(categories), phrases(text, root, "topic"),
                    text.normalise(require(row, "prefix").asString()), phrases(text, row, "suffixes"),
                    phrases(text, row, "last"), symbols(text, "comparators"), symbols(text, "directional-verbs"),
                    phrases(text, root, "value-connectors"), phrases(text, root, "search-fillers"),
                    phrases(text, root, "term-fillers"), facts(), strings(root, "help"));
        }

        private List<Fact> facts() {
            List<Fact> facts = new ArrayList<>();
            require(root, "facts").properties().forEach(e -> {
                Set<Level2> categories = EnumSet.noneOf(Level2.class);
                for (String label : strings(e.getValue().path("for"), "facts." + e.getKey() + ".for")) {
                    Level2 level2 = Level2.fromLabel(label);
                    if (level2 == null) {
                        throw new IllegalStateException(file + "：facts." + e.getKey() + ".for 中的“" + label + "”不是二级指标");
                    }
                    categories.add(level2);
                }
                String regex = require(e.getValue(), "answer").asString();
                try {
                    facts.add(new Fact(e.getKey(), categories, require(e.getValue(), "question").asString(),
                            Pattern.compile(regex)));
                } catch (PatternSyntaxException ex) {
                    throw new IllegalStateException(file + "：facts." + e.getKey() + ".answer 不是有效的正则表达式：" + ex.getDescription());
                }
            });
            return List.copyOf(facts);
        }

        private List<IntentRule> intents(MessageText text) {
            List<IntentRule> rules = new ArrayList<>();
            JsonNode intents = require(root, "intents");
            for (int i = 0; i < intents.size(); i++) {
                JsonNode node = intents.get(i);
                String name = require(node, "intent").asString();
                Intent intent;
                try {
                    intent = Intent.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + "：intents[" + i + "].intent “" + name + "” 不是已知意图");
                }
                rules.add(new IntentRule(intent, phrases(text, node, "cues"),
                        node.has("row-cues") ? phrases(text, node, "row-cues") : List.of(),
                        node.path("needs-topic").asBoolean(false)));
            }
            return List.copyOf(rules);
        }

        private Map<String, String> symbols(MessageText text, String key) {
            Map<String, String> out = new LinkedHashMap<>();
            require(root, key).properties().forEach(e -> out.put(text.normalise(e.getKey()), e.getValue().asString()));
            return longestFirst(out);
        }

        private List<String> phrases(MessageText text, JsonNode node, String key) {
            return strings(require(node, key), key).stream().map(text::normalise)
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        private List<String> strings(JsonNode node, String key) {
            JsonNode list = node.isArray() ? node : node.path(key);
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalStateException(file + "：" + key + " 应为非空列表");
            }
            List<String> out = new ArrayList<>();
            list.forEach(v -> out.add(v.asString()));
            return out;
        }

        private JsonNode require(JsonNode node, String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                throw new IllegalStateException(file + "：缺少 " + key);
            }
            return value;
        }

        private static <V> Map<String, V> longestFirst(Map<String, V> map) {
            Map<String, V> out = new LinkedHashMap<>();
            map.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, V> e) -> e.getKey().length())
                    .reversed()).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
    }
}
