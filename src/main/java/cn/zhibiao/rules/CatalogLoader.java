package cn.zhibiao.rules;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code rules/catalog.yaml}; every problem names the file, the rule and the key, and stops the start. */
final class CatalogLoader {

    static final String FILE = "rules/catalog.yaml";

    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");

    static List<RuleSpec> load() {
        return load(FILE);
    }

    /** Reads a catalog from the class path; every error message names it, the rule and the key. */
    static List<RuleSpec> load(String resource) {
        return new CatalogLoader(resource).read();
    }

    private final String file;

    private CatalogLoader(String file) {
        this.file = file;
    }

    private List<RuleSpec> read() {
        JsonNode root;
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " 不存在");
            }
            root = new YAMLMapper().readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(file + " 无法读取：" + e.getMessage(), e);
        }
        JsonNode rules = root.path("rules");
        if (!rules.isArray() || rules.isEmpty()) {
            throw new IllegalStateException(file + "：缺少 rules 列表");
        }
        List<RuleSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleSpec spec = rule(rules.get(i), "rules[" + i + "]");
            if (!ids.add(spec.id())) {
                throw new IllegalStateException(file + "：规则 " + spec.id() + " 重复定义");
            }
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    private RuleSpec rule(JsonNode node, String at) {
        String id = text(node, "id", at);
        if (!RULE_ID.matcher(id).matches()) {
            throw new IllegalStateException(file + "：" + at + ".id “" + id + "” 应为大写下划线形式，如 VALUE_VAGUE_COMPLETION");
        }
        String where = at + "（" + id + "）";
        String scope = text(node, "scope", where);
        if (!scope.equals("INDICATOR") && !scope.equals("DECLARATION")) {
            throw new IllegalStateException(file + "：" + where + ".scope 应为 INDICATOR 或 DECLARATION");
        }
        boolean declarationLevel = scope.equals("DECLARATION");
        Severity severity = enumValue(node, "severity", where, Severity::valueOf);
        Set<Level1> level1 = EnumSet.noneOf(Level1.class);
        node.path("level1").valueStream().forEach(v -> level1.add(enumText(v, where + ".level1", Level1::valueOf)));
        Set<Level2> level2 = EnumSet.noneOf(Level2.class);
        node.path("level2").valueStream().forEach(v -> level2.add(enumText(v, where + ".level2", Level2::valueOf)));
        boolean exclusive = !declarationLevel && node.path("exclusive").asBoolean(true);
        List<String> basis = node.path("basis").valueStream().map(JsonNode::asString).toList();
        List<String> evidence = node.path("evidence").valueStream().map(JsonNode::asString).toList();
        JsonNode examples = node.path("examples");
        List<RuleExample> bad = examples(examples.path("bad"), where + ".examples.bad", declarationLevel);
        List<RuleExample> good = examples(examples.path("good"), where + ".examples.good", declarationLevel);
        return new RuleSpec(id, text(node, "title", where), severity, declarationLevel, Set.copyOf(level1),
                Set.copyOf(level2), exclusive, text(node, "message", where), text(node, "why", where), basis, evidence,
                text(node, "fix", where), bad, good);
    }

    private List<RuleExample> examples(JsonNode list, String at, boolean declarationLevel) {
        List<RuleExample> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode example = list.get(i);
            String where = at + "[" + i + "]";
            if (!example.isObject()) {
                throw new IllegalStateException(file + "：" + where + " 应为对象");
            }
            // An indicator rule's example is a row, unless it needs its declaration (goals, funds) around it.
            if (!declarationLevel && !example.has("indicators")) {
                result.add(new RuleExample(null, null, null, null, List.of(row(example, where))));
                continue;
            }
            List<RuleExample.Row> rows = new ArrayList<>();
            JsonNode indicators = example.path("indicators");
            for (int r = 0; r < indicators.size(); r++) {
                rows.add(row(indicators.get(r), where + ".indicators[" + r + "]"));
            }
            result.add(new RuleExample(optional(example, "projectName"), optional(example, "annualGoal"),
                    decimal(example, "fundsWanYuan", where), decimal(example, "periodFundsWanYuan", where), rows));
        }
        return result;
    }

    private RuleExample.Row row(JsonNode node, String at) {
        String scope = optional(node, "scope");
        return new RuleExample.Row(optional(node, "level1"), optional(node, "level2"), optional(node, "name"),
                optional(node, "value"), scope == null ? null : enumText(node.get("scope"), at + ".scope", Scope::valueOf));
    }

    private String text(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.asString().isBlank()) {
            throw new IllegalStateException(file + "：" + at + " 缺少 " + key);
        }
        return v.asString().strip();
    }

    private static String optional(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    private BigDecimal decimal(JsonNode node, String key, String at) {
        String v = optional(node, key);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + "：" + at + "." + key + " 应为数字");
        }
    }

    private <E> E enumValue(JsonNode node, String key, String at, Function<String, E> parse) {
        return enumText(node.get(key), at + "." + key, parse);
    }

    private <E> E enumText(JsonNode v, String at, Function<String, E> parse) {
        if (v == null || v.isNull()) {
            throw new IllegalStateException(file + "：" + at + " 缺少取值");
        }
        try {
            return parse.apply(v.asString().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + "：" + at + " 的取值“" + v.asString() + "”无效");
        }
    }
}
