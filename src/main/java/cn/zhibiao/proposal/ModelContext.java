package cn.zhibiao.proposal;

import java.util.List;

/**
 * What the language model is given to propose from — the same pieces as the offline pipeline: the brief, the facts it
 * states, its sector's library entries, precedents of its sector only, and the instruction examples.
 */
record ModelContext(ProjectBrief project, List<Fact> facts, SectorGuess sector, List<LibraryEntry> library,
        List<SimilarExample> precedents, List<GuidanceExample> guidance) {
}
