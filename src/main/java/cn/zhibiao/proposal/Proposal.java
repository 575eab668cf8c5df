package cn.zhibiao.proposal;

import java.util.List;

/**
 * The answer to a suggestion request: the project as received, the proposed rows, and notices (in Chinese) about how
 * they were produced. {@code model} and {@code promptHash} are null when no language model contributed.
 */
public record Proposal(
        ProjectBrief project,
        List<ProposedRow> rows,
        List<String> notices,
        boolean llmUsed,
        String model,
        String promptHash) {

    public Proposal {
        rows = List.copyOf(rows);
        notices = List.copyOf(notices);
    }
}
