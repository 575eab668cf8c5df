package cn.zhibiao.proposal;

/**
 * How much a library keyword weighs in sector detection when found in the project's name, its department's name and
 * its goals (zhibiao.proposal.sector-*-weight).
 */
public record SectorSettings(double nameWeight, double departmentWeight, double goalWeight) {
}
