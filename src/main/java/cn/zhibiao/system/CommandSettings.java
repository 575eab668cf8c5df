package cn.zhibiao.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
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
 * with the same environment overrides (relaxed names such as ZHIBIAO_CORPUS_MAX_FILE_SIZE) and ${VAR:default}.
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
        String envName = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        if (env.containsKey(envName)) {
            return env.get(envName);
        }
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            throw new IllegalStateException("application.yaml 缺少配置项 " + key);
        }
        return resolve(node.asString());
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
            String replacement = env.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
