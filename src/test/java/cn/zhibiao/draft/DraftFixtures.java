package cn.zhibiao.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

import cn.zhibiao.system.Json;

/**
 * Draft bodies for the tests: the first project of seed 003 (a complete declaration without ERROR findings) with its
 * department set, and the same with its 时效 value replaced by "按计划完成".
 */
public final class DraftFixtures {

    public static final String DEPARTMENT_A = "石鼓区医疗保障局";
    public static final String DEPARTMENT_B = "石鼓区民政局";
    public static final String VAGUE_DEADLINE = "按计划完成";
    public static final String DEADLINE_RULE = "TIME_NO_DEADLINE";

    private DraftFixtures() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> measurable(String department) {
        try {
            List<Map<String, Object>> all = Json.mapper().readValue(
                    Path.of("corpus/declarations/003_509232d1be82661b.json").toFile(), new TypeReference<>() {
                    });
            Map<String, Object> d = new LinkedHashMap<>(all.getFirst());
            d.put("department", department);
            d.put("year", 2024);
            d.put("source", "网页草稿");
            List<Map<String, Object>> rows = ((List<Map<String, Object>>) d.get("indicators")).stream()
                    .map(r -> {
                        Map<String, Object> copy = new LinkedHashMap<>(r);
                        copy.remove("parsed");
                        return copy;
                    })
                    .toList();
            d.put("indicators", rows);
            return d;
        } catch (tools.jackson.core.JacksonException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The index of the first 时效 row. */
    @SuppressWarnings("unchecked")
    public static int timelinessRow(Map<String, Object> declaration) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) declaration.get("indicators");
        for (int i = 0; i < rows.size(); i++) {
            if ("时效指标".equals(rows.get(i).get("level2"))) {
                return i;
            }
        }
        throw new IllegalStateException("seed 003 has no 时效 row");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> withValue(Map<String, Object> declaration, int row, String value) {
        Map<String, Object> copy = new LinkedHashMap<>(declaration);
        List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) declaration.get("indicators"));
        Map<String, Object> changed = new LinkedHashMap<>(rows.get(row));
        changed.put("value", value);
        rows.set(row, changed);
        copy.put("indicators", rows);
        return copy;
    }

    public static Map<String, Object> vague(String department) {
        Map<String, Object> d = measurable(department);
        return withValue(d, timelinessRow(d), VAGUE_DEADLINE);
    }
}
