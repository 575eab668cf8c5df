package cn.zhibiao.proposal;

/**
 * A row that may be proposed, with where it came from: its tier orders the sources (the brief's facts first), its
 * relevance orders rows of one tier by how much of their wording the brief shares.
 */
record Candidate(ProposedRow row, Tier tier, double relevance) {

    enum Tier {
        /** The user's own sound rows (with --improve) and the figures the brief states: always kept. */
        STATED,
        /** Rows the language model wrote. */
        MODEL,
        /** Rows of same-sector precedents, their numbers left for the user. */
        PRECEDENT,
        /** Worked examples of the filling instructions that share words with the brief. */
        GUIDANCE,
        /** The sector library. */
        LIBRARY,
        /** Generic templates, only where nothing else fills a category. */
        TEMPLATE
    }

    boolean isStated() {
        return tier == Tier.STATED;
    }

    boolean hasPlaceholder() {
        return row.value().contains(LibraryEntry.PLACEHOLDER);
    }
}
