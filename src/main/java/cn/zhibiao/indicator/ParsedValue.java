package cn.zhibiao.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A 指标值 parsed once at the edge. {@code number}/{@code numberMax} keep the scale as written
 * ("1200万人次" is 1200 with unit 万人次) so that nothing is silently rescaled.
 */
public record ParsedValue(
        ValueKind kind,
        Comparator comparator,
        BigDecimal number,
        BigDecimal numberMax,
        String unit,
        LocalDate deadline) {

    public static final ParsedValue EMPTY = new ParsedValue(ValueKind.EMPTY, null, null, null, null, null);

    @JsonIgnore
    public boolean hasNumber() {
        return number != null;
    }

    @JsonIgnore
    public boolean isPercent() {
        return "%".equals(unit) || "‰".equals(unit);
    }
}
