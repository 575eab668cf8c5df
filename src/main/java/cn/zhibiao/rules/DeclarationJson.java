package cn.zhibiao.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads declarations in the canonical JSON that {@code parse} prints: one declaration or an array. Unknown fields are
 * ignored, a missing {@code parsed} is computed, and rows that carry only the form's category wording are
 * canonicalised. Errors say, in Chinese, which field is wrong and what was expected.
 */
public final class DeclarationJson {

    private DeclarationJson() {
    }

    /** True when the bytes look like JSON rather than a legacy form (first non-blank character is { or [). */
    public static boolean looksLikeJson(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
    }

    public static List<Declaration> read(byte[] bytes) throws InvalidDeclarationException {
        JsonNode root = tree(bytes);
        if (root.isArray()) {
            List<Declaration> result = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                result.add(declaration(root.get(i), "[" + i + "]"));
            }
            return result;
        }
        if (root.isObject()) {
            return List.of(declaration(root, ""));
        }
        throw new InvalidDeclarationException("申报 JSON 应为一个申报对象或申报数组");
    }

    public static Declaration readOne(byte[] bytes) throws InvalidDeclarationException {
        JsonNode root = tree(bytes);
        if (!root.isObject()) {
            throw new InvalidDeclarationException("请求体应为一个申报 JSON 对象（{…}）");
        }
        return declaration(root, "");
    }

    private static JsonNode tree(byte[] bytes) throws InvalidDeclarationException {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidDeclarationException("内容为空，应为申报 JSON");
        }
        try {
            JsonNode root = Json.mapper().readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new InvalidDeclarationException("内容为空，应为申报 JSON");
            }
            return root;
        } catch (StreamReadException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列";
            String field = e.processor() instanceof JsonParser parser ? parser.currentName() : null;
            where += field == null ? "）" : "，字段 " + field + " 处）";
            throw new InvalidDeclarationException("JSON 格式错误" + where + "：" + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InvalidDeclarationException("JSON 无法读取：" + e.getOriginalMessage());
        }
    }

    private static Declaration declaration(JsonNode node, String at) throws InvalidDeclarationException {
        if (!node.isObject()) {
            throw new InvalidDeclarationException("第 " + at + " 项应为申报对象");
        }
        Declaration d;
        try {
            d = Json.mapper().treeToValue(node, Declaration.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidDeclarationException(fieldMessage(e, at));
        }
        List<Indicator> rows = new ArrayList<>(d.indicators().size());
        for (int i = 0; i < d.indicators().size(); i++) {
            Indicator row = d.indicators().get(i);
            if (row == null) {
                throw new InvalidDeclarationException("字段 " + field(at, "indicators[" + i + "]") + " 不能为 null，应为指标对象");
            }
            boolean uncategorised = row.level1() == null && row.level2() == null
                    && (row.level1Raw() != null || row.level2Raw() != null);
            rows.add(uncategorised ? Indicator.of(row.level1Raw(), row.level2Raw(), row.name(), row.value(), row.scope())
                    : row.withParsedValue());
        }
        return d.withIndicators(rows);
    }

    private static String fieldMessage(Exception e, String at) {
        if (!(e instanceof JacksonException je)) {
            return "申报 JSON 无法读取：" + e.getMessage();
        }
        String path = je.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        path = path.startsWith(".") ? path.substring(1) : path;
        String expected = je instanceof MismatchedInputException mi && mi.getTargetType() != null
                ? "，应为" + typeName(mi.getTargetType()) : "";
        return "字段 " + field(at, path) + " 的值类型或取值不正确" + expected;
    }

    private static String field(String at, String path) {
        return at.isEmpty() ? path : at + "." + path;
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "以下取值之一：" + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining("、"));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
                || type == BigDecimal.class || type == BigInteger.class) {
            return "数字";
        }
        if (type == String.class) {
            return "文本";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "数组";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        return "对象";
    }
}
