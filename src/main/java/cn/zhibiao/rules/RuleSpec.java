package cn.zhibiao.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;

/** One entry of {@code rules/catalog.yaml}, as written there (before a bureau's overrides). */
record RuleSpec(
        String id,
        String title,
        Severity severity,
        boolean declarationLevel,
        Set<Level1> level1,
        Set<Level2> level2,
        boolean exclusive,
        String message,
        String why,
        List<String> basis,
        List<String> evidence,
        String fix,
        List<RuleExample> bad,
        List<RuleExample> good) {

    /**
     * A row with a level-2 category is matched on it when the rule names level-2 categories, otherwise on its
     * level-1 group; a row without one (department forms) is matched on its level-1 group only.
     */
    boolean appliesTo(Level1 rowLevel1, Level2 rowLevel2) {
        if (level1.isEmpty() && level2.isEmpty()) {
            return true;
        }
        if (rowLevel2 != null && !level2.isEmpty()) {
            return level2.contains(rowLevel2);
        }
        return rowLevel1 != null && level1.contains(rowLevel1);
    }

    List<String> appliesToLabels() {
        if (level1.isEmpty() && level2.isEmpty()) {
            return List.of("全部");
        }
        List<String> labels = new ArrayList<>();
        level1.forEach(l -> labels.add(l.label() + "（一级）"));
        level2.forEach(l -> labels.add(l.label()));
        return labels;
    }
}
