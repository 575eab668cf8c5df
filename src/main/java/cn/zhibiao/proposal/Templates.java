package cn.zhibiao.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

/**
 * Generic well-formed rows, kept as data in {@code proposal/templates.json}: the last resort when neither precedent
 * nor a filling-instruction example exists for a category. A template whose placeholders the project cannot fill is
 * skipped rather than emitted half-filled.
 */
final class Templates {

    static final String RESOURCE = "/proposal/templates.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    record Template(String id, Level2 level2, String name, String value) {
    }

    private final List<Template> templates;

    private Templates(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    static Templates load() {
        try (InputStream in = Templates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源文件 " + RESOURCE);
            }
            JsonNode root = Json.mapper().readTree(in);
            List<Template> list = new java.util.ArrayList<>();
            for (JsonNode t : root.path("templates")) {
                Level2 level2 = Level2.fromLabel(t.path("level2").asString());
                if (level2 == null) {
                    throw new IllegalStateException(RESOURCE + " 模板 " + t.path("id").asString() + " 的二级指标“"
                            + t.path("level2").asString() + "”不在指标体系中");
                }
                list.add(new Template(t.path("id").asString(), level2, t.path("name").asString(),
                        t.path("value").asString()));
            }
            return new Templates(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Template> forLevel2(Level2 level2) {
        return templates.stream().filter(t -> t.level2() == level2).toList();
    }

    /** The template's name and value with the project's figures, or empty when one of them is unknown. */
    static Optional<String[]> fill(Template t, ProjectFacts facts) {
        Optional<String> name = fill(t.name(), facts);
        Optional<String> value = fill(t.value(), facts);
        return name.isPresent() && value.isPresent() ? Optional.of(new String[] {name.get(), value.get()})
                : Optional.empty();
    }

    private static Optional<String> fill(String text, ProjectFacts facts) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "year" -> facts.year() == null ? null : facts.year().toString();
                case "funds" -> facts.fundsWanYuan() == null || facts.fundsWanYuan().signum() <= 0 ? null
                        : facts.fundsWanYuan().stripTrailingZeros().toPlainString();
                case "count" -> facts.countOrDerived().map(ProjectFacts.Quantity::value).orElse(null);
                case "countName" -> facts.countOrDerived().map(q -> countName(q.unit())).orElse(null);
                case "unitCost" -> facts.unitCost() != null ? facts.unitCost().value()
                        : facts.derivedUnitCost().map(ProjectFacts.Quantity::value).orElse(null);
                default -> throw new IllegalStateException(RESOURCE + " 含未知占位符 {" + m.group(1) + "}");
            };
            if (replacement == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    private static String countName(String unit) {
        return switch (unit) {
            case "户", "万户" -> "受益户数";
            case "人次", "万人次" -> "服务人次";
            default -> "受益人数";
        };
    }
}
