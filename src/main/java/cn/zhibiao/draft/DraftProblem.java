package cn.zhibiao.draft;

import java.util.List;

import cn.zhibiao.rules.Finding;

/** Refusals whose answer carries more than a message: the current version, or what blocks a submission. */
sealed class DraftProblem extends RuntimeException {

    private DraftProblem(String message) {
        super(message, null, false, false);
    }

    /** 409: the save was made against a version that is no longer current; nothing was written. */
    static final class Stale extends DraftProblem {
        final Draft current;

        Stale(String message, Draft current) {
            super(message);
            this.current = current;
        }
    }

    /** 422: ERROR findings without a written override. */
    static final class Blocked extends DraftProblem {
        final List<Finding> blocking;

        Blocked(List<Finding> blocking) {
            super("有 " + blocking.size() + " 项必须修改的问题，修改后或写明保留理由后才能提交");
            this.blocking = List.copyOf(blocking);
        }
    }
}
