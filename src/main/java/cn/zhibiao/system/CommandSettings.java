package cn.zhibiao.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Settings for the command-line tools, which run without the Spring context: the same {@code application.yaml},
 * with the same environment overrides (relaxed names such as ZHIBIAO_CORPUS_MAX_FILE_SIZE), ${VAR:default} and, as
 * in Spring, ${other.key} for another setting (index-dir: ${zhibiao.data-dir}/index).
 */
public final class CommandSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final JsonNode root;
    private final Map<String, String> env;

    private CommandSettings(JsonNode root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    public static CommandSettings load() {
        try (InputStream in = CommandSettings.class.getResourceAsStream("/application.yaml")) {
            return new CommandSettings(new YAMLMapper().readTree(in), System.getenv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String key) {
        String envName = envName(key);
        if (env.containsKey(envName)) {
            return env.get(envName);
        }
        JsonNode node = node(key);
        if (node == null || node.isNull()) {
            throw new IllegalStateException("application.yaml 缺少配置项 " + key);
        }
        return resolve(node.asString());
    }

    /** A YAML list; the environment overrides it with a comma-separated value. A missing key is an empty list. */
    public List<String> list(String key) {
        String override = env.get(envName(key));
        if (override != null) {
            return Arrays.stream(override.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        JsonNode node = node(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        return node.valueStream().map(v -> resolve(v.asString())).toList();
    }

    /** A YAML mapping; the environment overrides it with "KEY=VALUE,KEY=VALUE". A missing key is an empty map. */
    public Map<String, String> map(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        String override = env.get(envName(key));
        if (override != null) {
            for (String pair : override.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    result.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return result;
        }
        JsonNode node = node(key);
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> result.put(e.getKey(), resolve(e.getValue().asString())));
        }
        return result;
    }

    private static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private JsonNode node(String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    public long bytes(String key) {
        return DataSize.parse(get(key)).toBytes();
    }

    /** A duration written as in application.yaml: "60s", "1500ms", "PT1M". */
    public Duration duration(String key) {
        return DurationStyle.detectAndParse(get(key));
    }

    private String resolve(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = env.containsKey(name) ? env.get(name)
                    : name.contains(".") && m.group(2) == null ? get(name)
                    : m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
