package cn.zhibiao.proposal;

import java.util.List;

/**
 * The answer to a suggestion request: the project as received, the proposed rows, notices (in Chinese) about how
 * they were produced, and the questions a row's placeholder asks ("受益学生人数是多少？"). {@code model} and
 * {@code promptHash} are null when no language model contributed.
 */
public record Proposal(
        ProjectBrief project,
        List<ProposedRow> rows,
        List<String> notices,
        boolean llmUsed,
        String model,
        String promptHash,
        List<String> questions) {

    public Proposal {
        rows = List.copyOf(rows);
        notices = List.copyOf(notices);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
