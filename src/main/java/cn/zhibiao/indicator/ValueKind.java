package cn.zhibiao.indicator;

/** What a 指标值 turned out to be once parsed. */
public enum ValueKind {
    QUANTITY,
    DATE,
    QUALITATIVE,
    EMPTY
}
