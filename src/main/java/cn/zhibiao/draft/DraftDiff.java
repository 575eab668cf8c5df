package cn.zhibiao.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.rules.Finding;

/**
 * What changed between two versions: the project fields, and indicator by indicator (rows are compared by position,
 * which is how the panel and the findings number them), with the rules that fired on each side.
 */
record DraftDiff(int from, int to, List<FieldChange> fields, List<RowChange> indicators) {

    enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    record FieldChange(String field, Object before, Object after) {
    }

    record RowChange(int index, Change change, Indicator before, Indicator after, List<String> changedFields,
            List<String> rulesBefore, List<String> rulesAfter) {
    }

    private static final List<Field<Declaration>> PROJECT_FIELDS = List.of(
            new Field<>("projectName", Declaration::projectName), new Field<>("year", Declaration::year),
            new Field<>("region", Declaration::region), new Field<>("fundsWanYuan", Declaration::fundsWanYuan),
            new Field<>("periodFundsWanYuan", Declaration::periodFundsWanYuan),
            new Field<>("overview", Declaration::overview), new Field<>("annualGoal", Declaration::annualGoal),
            new Field<>("periodGoal", Declaration::periodGoal), new Field<>("basis", Declaration::basis));

    private static final List<Field<Indicator>> ROW_FIELDS = List.of(
            new Field<>("level1", Indicator::level1), new Field<>("level2", Indicator::level2),
            new Field<>("name", Indicator::name), new Field<>("value", Indicator::value),
            new Field<>("scope", Indicator::scope));

    private record Field<T>(String name, Function<T, Object> get) {
    }

    static DraftDiff between(VersionInfo a, VersionInfo b) {
        List<FieldChange> fields = new ArrayList<>();
        for (Field<Declaration> f : PROJECT_FIELDS) {
            Object before = f.get().apply(a.declaration());
            Object after = f.get().apply(b.declaration());
            if (!same(before, after)) {
                fields.add(new FieldChange(f.name(), before, after));
            }
        }
        List<Indicator> left = a.declaration().indicators();
        List<Indicator> right = b.declaration().indicators();
        List<RowChange> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            Indicator before = i < left.size() ? left.get(i) : null;
            Indicator after = i < right.size() ? right.get(i) : null;
            List<String> changed = new ArrayList<>();
            if (before != null && after != null) {
                for (Field<Indicator> f : ROW_FIELDS) {
                    if (!same(f.get().apply(before), f.get().apply(after))) {
                        changed.add(f.name());
                    }
                }
            }
            Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED
                    : changed.isEmpty() ? Change.UNCHANGED : Change.CHANGED;
            rows.add(new RowChange(i, change, before, after, changed, rules(a.findings(), i), rules(b.findings(), i)));
        }
        return new DraftDiff(a.version(), b.version(), fields, rows);
    }

    private static List<String> rules(List<Finding> findings, int index) {
        return findings.stream().filter(f -> Objects.equals(f.indicatorIndex(), index)).map(Finding::ruleId).toList();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a instanceof String s ? s.strip() : a, b instanceof String t ? t.strip() : b);
    }
}
