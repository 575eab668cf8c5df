package cn.zhibiao.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * The wording of indicator-table headers, form fields and footers, read from {@code corpus/headers.yaml}: the layout
 * of a form is data, so a province's new wording is a line in that file, not a class.
 */
final class HeaderVocabulary {

    static final String FILE = "corpus/headers.yaml";
    private static final int MAX_HEADER_LENGTH = 24;

    /** What a column of an indicator table holds. */
    enum Role {
        LEVEL1, LEVEL2, NAME, VALUE, NATURE, UNIT, PROJECT, DEPARTMENT, YEAR, FUNDS, PERIOD_FUNDS
    }

    /** A header cell understood: its role, and its scope when the header names one (else null). */
    record Heading(Role role, Scope scope) {
    }

    private static final HeaderVocabulary INSTANCE = load();

    private final Map<Role, List<String>> columns;
    private final Map<Scope, List<String>> scopes;
    private final Map<String, List<String>> fields;
    private final List<String> footers;
    private final List<String> summaries;

    private HeaderVocabulary(Map<Role, List<String>> columns, Map<Scope, List<String>> scopes,
            Map<String, List<String>> fields, List<String> footers, List<String> summaries) {
        this.columns = columns;
        this.scopes = scopes;
        this.fields = fields;
        this.footers = footers;
        this.summaries = summaries;
    }

    static HeaderVocabulary get() {
        return INSTANCE;
    }

    /** The role of a header cell such as "三级指标", "年度指标值", "度量单位（元）"; empty for anything else. */
    Optional<Heading> heading(String cell) {
        String key = key(cell);
        if (key.isEmpty() || key.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        Optional<Role> exact = role(key);
        if (exact.isPresent()) {
            return exact.map(r -> new Heading(r, null));
        }
        for (Map.Entry<Scope, List<String>> scope : scopes.entrySet()) {
            for (String prefix : scope.getValue()) {
                if (key.startsWith(prefix) && key.length() > prefix.length()) {
                    Optional<Role> role = role(key.substring(prefix.length()));
                    if (role.isPresent()) {
                        return Optional.of(new Heading(role.get(), scope.getKey()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The scope a group header above some columns announces ("中期目标", "年度绩效指标"); empty otherwise. */
    Optional<Scope> groupScope(String cell) {
        String key = key(cell);
        if (key.isEmpty() || key.length() > MAX_HEADER_LENGTH || !(key.endsWith("指标") || key.endsWith("目标"))) {
            return Optional.empty();
        }
        for (Map.Entry<Scope, List<String>> scope : scopes.entrySet()) {
            if (scope.getValue().stream().anyMatch(key::startsWith)) {
                return Optional.of(scope.getKey());
            }
        }
        return Optional.empty();
    }

    /** The labels of a form field ("projectName", "annualGoal", …), most specific first. */
    List<String> field(String name) {
        List<String> labels = fields.get(name);
        if (labels == null) {
            throw new IllegalArgumentException(FILE + " 中没有字段 " + name);
        }
        return labels;
    }

    /** True when a cell is the label of any form field: its neighbour is then not that field's value. */
    boolean isFieldLabel(String cell) {
        String key = key(cell);
        return !key.isEmpty() && key.length() <= MAX_HEADER_LENGTH
                && fields.values().stream().flatMap(List::stream).anyMatch(key::startsWith);
    }

    boolean isFooter(String cell) {
        String key = TextNormaliser.squeeze(cell);
        return footers.stream().anyMatch(key::startsWith);
    }

    boolean isSummary(String sheetOrTitle) {
        String key = TextNormaliser.squeeze(sheetOrTitle == null ? "" : sheetOrTitle);
        return summaries.stream().anyMatch(key::contains);
    }

    private Optional<Role> role(String key) {
        for (Map.Entry<Role, List<String>> column : columns.entrySet()) {
            if (column.getValue().contains(key)) {
                return Optional.of(column.getKey());
            }
        }
        return Optional.empty();
    }

    /** The header text without spaces and without a trailing note in brackets. */
    static String key(String cell) {
        String key = TextNormaliser.squeeze(cell == null ? "" : cell);
        if (key.length() > MAX_HEADER_LENGTH) {
            return key;
        }
        int open = Math.max(key.lastIndexOf('（'), key.lastIndexOf('('));
        if (open > 0 && (key.endsWith("）") || key.endsWith(")"))) {
            key = key.substring(0, open);
        }
        return key;
    }

    private static HeaderVocabulary load() {
        JsonNode root;
        try (InputStream in = HeaderVocabulary.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " 不存在");
            }
            root = new YAMLMapper().readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(FILE + " 无法读取：" + e.getMessage(), e);
        }
        Map<Role, List<String>> columns = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            columns.put(role, strings(root.path("columns"), camel(role.name()), "columns"));
        }
        Map<Scope, List<String>> scopes = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            scopes.put(scope, strings(root.path("scopes"), scope.name(), "scopes"));
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (var entry : root.path("fields").properties()) {
            fields.put(entry.getKey(), strings(root.path("fields"), entry.getKey(), "fields"));
        }
        return new HeaderVocabulary(columns, scopes, fields, strings(root, "footers", ""),
                strings(root, "summaries", ""));
    }

    private static List<String> strings(JsonNode parent, String key, String at) {
        JsonNode list = parent.path(key);
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(FILE + "：缺少列表 " + (at.isEmpty() ? key : at + "." + key));
        }
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(TextNormaliser.squeeze(v.asString())));
        return List.copyOf(values);
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
