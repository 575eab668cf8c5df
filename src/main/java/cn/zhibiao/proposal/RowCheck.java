package cn.zhibiao.proposal;

import java.util.List;

/** Findings per row (same order as the rows checked) and findings about the set as a whole. */
public record RowCheck(List<List<ProposalFinding>> perRow, List<ProposalFinding> overall) {

    public RowCheck {
        perRow = perRow.stream().map(List::copyOf).toList();
        overall = List.copyOf(overall);
    }

    public List<ProposalFinding> row(int index) {
        return perRow.get(index);
    }
}
