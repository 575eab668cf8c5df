package cn.zhibiao.indicator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One 绩效目标申报表: a project's goals and its indicator table, as read from a legacy form or drafted. */
public record Declaration(
        String source,
        DeclarationKind kind,
        String region,
        String department,
        Integer year,
        String projectName,
        String direction,
        BigDecimal fundsWanYuan,
        BigDecimal periodFundsWanYuan,
        String periodGoal,
        String annualGoal,
        String overview,
        String basis,
        List<Indicator> indicators) {

    public Declaration {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /**
     * A stable identifier (12 hex digits) derived from where the declaration came from and what it is, so that
     * re-importing the same form updates rather than duplicates it.
     */
    @JsonIgnore
    public String id() {
        String key = source + "|" + kind + "|" + year + "|" + projectName;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same declaration with every indicator's {@code parsed} filled in. */
    public Declaration withParsedValues() {
        return withIndicators(indicators.stream().map(Indicator::withParsedValue).toList());
    }

    /** The same project with other indicator rows. */
    public Declaration withIndicators(List<Indicator> rows) {
        return new Declaration(source, kind, region, department, year, projectName, direction, fundsWanYuan,
                periodFundsWanYuan, periodGoal, annualGoal, overview, basis, rows);
    }
}
