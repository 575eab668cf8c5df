package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.indicator.Indicator;

/**
 * What the user tells us about a project before indicators exist: the request body of {@code /api/suggest}, and what
 * is echoed back with every proposal so that the caller's input survives any failure downstream.
 */
public record ProjectBrief(
        String projectName,
        String department,
        String region,
        Integer year,
        BigDecimal fundsWanYuan,
        String overview,
        String annualGoal,
        String periodGoal,
        List<Indicator> indicators) {

    public ProjectBrief {
        // Clients send categories as labels only; Indicator.of re-derives the canonical levels and parses the value.
        indicators = indicators == null ? List.of() : indicators.stream()
                .map(i -> Indicator.of(
                        i.level1Raw() != null ? i.level1Raw() : i.level1() == null ? null : i.level1().label(),
                        i.level2Raw() != null ? i.level2Raw() : i.level2() == null ? null : i.level2().label(),
                        i.name(), i.value(), i.scope()))
                .toList();
    }

    public static ProjectBrief of(Declaration d, boolean keepIndicators) {
        return new ProjectBrief(d.projectName(), d.department(), d.region(), d.year(), d.fundsWanYuan(),
                d.overview(), d.annualGoal(), d.periodGoal(), keepIndicators ? d.indicators() : List.of());
    }

    /** The same project without its existing rows. */
    public ProjectBrief withoutIndicators() {
        return new ProjectBrief(projectName, department, region, year, fundsWanYuan, overview, annualGoal, periodGoal,
                List.of());
    }

    /** The project as a declaration holding {@code rows}, which is what a whole-declaration checker reads. */
    public Declaration toDeclaration(List<Indicator> rows) {
        return new Declaration("proposal", DeclarationKind.PROJECT, region, department, year, projectName, null,
                fundsWanYuan, null, periodGoal, annualGoal, overview, null, rows);
    }

    /** All free text the user wrote about the project, where counts, unit costs and dates are looked for. */
    String text() {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {projectName, overview, annualGoal, periodGoal}) {
            if (part != null && !part.isBlank()) {
                out.append(part).append('\n');
            }
        }
        return out.toString();
    }
}
