package cn.zhibiao.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 计算符号. 正向 (≥ ＞ ＝) and 反向 (≤ ＜) decide how a value is judged at evaluation. */
public enum Comparator {
    AT_LEAST("≥"),
    AT_MOST("≤"),
    EQUAL("="),
    MORE_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** 反向 comparators cap a value from above. */
    public boolean isUpperBound() {
        return this == AT_MOST || this == LESS_THAN;
    }

    @JsonCreator
    public static Comparator fromSymbol(String symbol) {
        if (symbol == null) {
            return null;
        }
        String normalised = TextNormaliser.normalise(symbol).strip();
        for (Comparator c : values()) {
            if (c.symbol.equals(normalised)) {
                return c;
            }
        }
        return switch (normalised) {
            case ">=" -> AT_LEAST;
            case "<=" -> AT_MOST;
            default -> null;
        };
    }
}
