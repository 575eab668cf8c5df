package cn.zhibiao.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 一级指标. 成本 is a level-1 group only in the 2021 framework; older forms file it under 产出. */
public enum Level1 {
    OUTPUT("产出指标"),
    BENEFIT("效益指标"),
    SATISFACTION("满意度指标"),
    COST("成本指标");

    private final String label;

    Level1(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Level1 fromLabel(String label) {
        return Taxonomy.level1(label).orElse(null);
    }
}
