package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.indicator.TextNormaliser;

/** A stretch of a document under one form title, with the layout that title announces. */
record Section(Kind kind, String title, List<Row> rows) {

    enum Kind {
        SUMMARY, DIRECTIONS, DEPARTMENT, PROJECT, REVIEW, INSTRUCTIONS, OTHER
    }

    static List<Section> split(List<Row> rows) {
        List<Section> sections = new ArrayList<>();
        Kind kind = Kind.OTHER;
        String title = "";
        List<Row> current = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Kind announced = titleKind(row);
            if (announced != null) {
                sections.add(new Section(kind, title, current));
                current = new ArrayList<>();
                title = row.text();
                kind = followedByInstructions(rows, i) ? Kind.INSTRUCTIONS : announced;
            }
            current.add(row);
        }
        sections.add(new Section(kind, title, current));
        return sections.stream().filter(s -> !s.rows().isEmpty()).toList();
    }

    private static Kind titleKind(Row row) {
        List<String> filled = row.nonEmpty();
        if (filled.size() != 1) {
            return null;
        }
        String text = TextNormaliser.squeeze(filled.getFirst());
        if (text.length() > 40) {
            return null;
        }
        if (text.equals("编报说明") || text.endsWith("编报说明")) {
            return Kind.INSTRUCTIONS;
        }
        if (text.contains("专项资金预算绩效目标汇总表")) {
            return Kind.SUMMARY;
        }
        if (text.contains("支出方向绩效目标表")) {
            return Kind.DIRECTIONS;
        }
        if (text.contains("部门整体支出绩效申报表") || text.contains("部门整体支出绩效目标申报表")) {
            return Kind.DEPARTMENT;
        }
        if (text.contains("项目资金绩效目标申报表")) {
            return Kind.PROJECT;
        }
        if (text.contains("项目支出绩效目标申报审核表") || text.contains("项目支出绩效目标申报表")) {
            return Kind.REVIEW;
        }
        if (text.contains("汇总表")) {
            return Kind.OTHER;
        }
        return null;
    }

    /** A form title directly followed by "编报说明" heads the filling instructions, not a form. */
    private static boolean followedByInstructions(List<Row> rows, int titleIndex) {
        for (int j = titleIndex + 1; j < rows.size() && j <= titleIndex + 2; j++) {
            String next = TextNormaliser.squeeze(rows.get(j).text());
            if (next.isEmpty()) {
                continue;
            }
            return next.startsWith("编报说明");
        }
        return false;
    }
}
