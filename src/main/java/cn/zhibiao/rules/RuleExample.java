package cn.zhibiao.rules;

import java.math.BigDecimal;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;

/**
 * An example from the catalog: for an indicator rule a declaration with one row, for a declaration rule a small
 * declaration. Rows are written as on a form (category labels in Chinese) and parsed like imported rows.
 */
public record RuleExample(
        String projectName,
        String annualGoal,
        BigDecimal fundsWanYuan,
        BigDecimal periodFundsWanYuan,
        List<Row> indicators) {

    public RuleExample {
        indicators = List.copyOf(indicators);
    }

    /** One example row. */
    public record Row(String level1, String level2, String name, String value, Scope scope) {
    }

    public Declaration toDeclaration() {
        List<Indicator> rows = indicators.stream()
                .map(r -> Indicator.of(r.level1(), r.level2(), r.name(), r.value(), r.scope()))
                .toList();
        return new Declaration("rules/catalog.yaml", DeclarationKind.PROJECT, null, null, null,
                projectName == null ? "示例项目" : projectName, null, fundsWanYuan, periodFundsWanYuan, null, annualGoal,
                null, null, rows);
    }
}
