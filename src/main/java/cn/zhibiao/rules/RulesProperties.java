package cn.zhibiao.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import cn.zhibiao.system.CommandSettings;

/**
 * What a finance bureau may change without code ({@code zhibiao.rules} in application.yaml): rules switched off,
 * severities, and the thresholds that are engineering judgement rather than policy.
 *
 * @param disabled               rule ids that are not run
 * @param severity               rule id → severity replacing the catalog's
 * @param satisfactionMinPercent a 满意度 target below this is reported
 * @param fundsTolerance         relative gap allowed between quantity × unit cost and the project's funds
 * @param workDescriptionLength  values longer than this that read as work descriptions are reported
 * @param restatementOverlap     share of a value's character pairs found in the name or goal that counts as restating
 * @param maxRequestSize         largest declaration accepted by {@code POST /api/check}
 */
@ConfigurationProperties("zhibiao.rules")
public record RulesProperties(
        List<String> disabled,
        Map<String, Severity> severity,
        BigDecimal satisfactionMinPercent,
        BigDecimal fundsTolerance,
        int workDescriptionLength,
        double restatementOverlap,
        DataSize maxRequestSize) {

    public RulesProperties {
        disabled = disabled == null ? List.of()
                : disabled.stream().map(id -> id.strip().toUpperCase(Locale.ROOT)).filter(id -> !id.isEmpty()).toList();
        severity = severity == null ? Map.of()
                : severity.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().strip().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        if (satisfactionMinPercent == null || fundsTolerance == null || maxRequestSize == null) {
            throw new IllegalStateException("application.yaml 的 zhibiao.rules 缺少 satisfaction-min-percent、"
                    + "funds-tolerance 或 max-request-size");
        }
        if (workDescriptionLength <= 0 || restatementOverlap <= 0 || restatementOverlap > 1) {
            throw new IllegalStateException("zhibiao.rules.work-description-length 应为正整数，restatement-overlap 应在 0 到 1 之间");
        }
    }

    /** The same keys read without Spring, for the command line. */
    public static RulesProperties from(CommandSettings settings) {
        Map<String, Severity> severities = settings.map("zhibiao.rules.severity").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> severity(e.getKey(), e.getValue())));
        return new RulesProperties(
                settings.list("zhibiao.rules.disabled"),
                severities,
                new BigDecimal(settings.get("zhibiao.rules.satisfaction-min-percent")),
                new BigDecimal(settings.get("zhibiao.rules.funds-tolerance")),
                Integer.parseInt(settings.get("zhibiao.rules.work-description-length")),
                Double.parseDouble(settings.get("zhibiao.rules.restatement-overlap")),
                DataSize.parse(settings.get("zhibiao.rules.max-request-size")));
    }

    private static Severity severity(String id, String value) {
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("zhibiao.rules.severity." + id + " 的值“" + value
                    + "”无效，应为 ERROR、WARNING 或 INFO");
        }
    }
}
