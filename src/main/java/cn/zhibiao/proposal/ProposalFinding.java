package cn.zhibiao.proposal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A checker finding on a proposed row: the rule, how bad, what is wrong and how to fix it. */
public record ProposalFinding(String ruleId, Severity severity, String message, String suggestion) {

    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
