package cn.zhibiao.proposal;

import java.util.List;

import cn.zhibiao.indicator.Indicator;

/**
 * The deterministic judge of proposed rows. Rows are checked as the indicators of {@code project}, so that
 * project-level rules (cost cap above the funds, duplicates) apply. The rule checker answers this in production.
 */
public interface RowChecker {

    RowCheck check(ProjectBrief project, List<Indicator> rows);

    /** A few lines naming the rules, in Chinese, for the prompt: what the model's rows will be checked against. */
    String catalogSummary();
}
