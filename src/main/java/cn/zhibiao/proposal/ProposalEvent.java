package cn.zhibiao.proposal;

/**
 * What the streaming endpoint sends, one server-sent event each: {@code notice} (progress or a fallback reason),
 * {@code row} (one checked row), {@code done} (the whole proposal), {@code error} (with the project echoed back).
 */
public sealed interface ProposalEvent {

    String type();

    /** The event's data, as serialised into the SSE {@code data:} field. */
    Object data();

    record Notice(String message) implements ProposalEvent {
        @Override
        public String type() {
            return "notice";
        }

        @Override
        public Object data() {
            return this;
        }
    }

    record Row(ProposedRow row) implements ProposalEvent {
        @Override
        public String type() {
            return "row";
        }

        @Override
        public Object data() {
            return row;
        }
    }

    record Done(Proposal proposal) implements ProposalEvent {
        @Override
        public String type() {
            return "done";
        }

        @Override
        public Object data() {
            return proposal;
        }
    }

    record Failed(String message, ProjectBrief project) implements ProposalEvent {
        @Override
        public String type() {
            return "error";
        }

        @Override
        public Object data() {
            return this;
        }
    }
}
