package cn.zhibiao.retrieval;

import java.math.BigDecimal;

/**
 * What is known of a project being declared. Name and overview are searched; department and region add weak evidence
 * (the same office elsewhere, last year's form of the same district); year and funds travel with the query but do not
 * rank: a similar project is similar whatever its size or year.
 */
public record ProjectQuery(
        String projectName,
        String overview,
        String department,
        String region,
        Integer year,
        BigDecimal fundsWanYuan) {

    public static ProjectQuery text(String text) {
        return new ProjectQuery(text, null, null, null, null, null);
    }

    /** Name and overview as one searchable text. */
    String searchText() {
        StringBuilder text = new StringBuilder();
        if (projectName != null && !projectName.isBlank()) {
            text.append(projectName.strip());
        }
        if (overview != null && !overview.isBlank()) {
            text.append(text.isEmpty() ? "" : "。").append(overview.strip());
        }
        return text.toString();
    }
}
