package cn.zhibiao.indicator;

import java.math.BigDecimal;
import java.util.List;

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

    /** The same declaration with every indicator's {@code parsed} filled in. */
    public Declaration withParsedValues() {
        return new Declaration(source, kind, region, department, year, projectName, direction, fundsWanYuan,
                periodFundsWanYuan, periodGoal, annualGoal, overview, basis,
                indicators.stream().map(Indicator::withParsedValue).toList());
    }
}
