package cn.zhibiao.proposal;

import cn.zhibiao.indicator.Level2;

/**
 * One figure the project's own text states — a count, a standard, a rate, a deadline or the funds — already written as
 * a row: {@code name} keeps the brief's wording, {@code value} the figure, {@code quote} the words it was read from.
 */
public record Fact(Kind kind, Level2 level2, String name, String value, String quote) {

    public enum Kind {
        COUNT,
        STANDARD,
        RATE,
        DEADLINE,
        FUNDS
    }
}
