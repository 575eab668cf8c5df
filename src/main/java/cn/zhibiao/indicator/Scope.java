package cn.zhibiao.indicator;

/** Whether a value is the 年度 target or the 中期/实施期 target of a multi-year project. */
public enum Scope {
    ANNUAL,
    PERIOD
}
