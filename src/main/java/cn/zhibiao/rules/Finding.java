package cn.zhibiao.rules;

/**
 * One rule violation: what is wrong (message quoting the offending text), where (indicator index and span in the
 * value), how to repair it (suggestion) and why the rule exists. {@code indicatorIndex} is null for findings about
 * the declaration as a whole; {@code span} is null when the offending text is not in the value.
 */
public record Finding(
        String ruleId,
        Severity severity,
        Integer indicatorIndex,
        String level2,
        String name,
        String value,
        Span span,
        String message,
        String suggestion,
        String why) {

    /** Character offsets [start, end) of the offending words in {@code value}. */
    public record Span(int start, int end) {
    }
}
