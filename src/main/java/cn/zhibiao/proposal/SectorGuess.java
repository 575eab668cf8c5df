package cn.zhibiao.proposal;

/** The functional class a project most likely belongs to, and how sure the guess is (share of the keyword evidence). */
public record SectorGuess(String sector, double confidence) {
}
