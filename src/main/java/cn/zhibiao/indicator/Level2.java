package cn.zhibiao.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 二级指标, with the level-1 group each one belongs to in its framework. */
public enum Level2 {
    QUANTITY("数量指标", Level1.OUTPUT),
    QUALITY("质量指标", Level1.OUTPUT),
    TIMELINESS("时效指标", Level1.OUTPUT),
    COST("成本指标", Level1.OUTPUT),
    ECONOMIC_BENEFIT("经济效益指标", Level1.BENEFIT),
    SOCIAL_BENEFIT("社会效益指标", Level1.BENEFIT),
    ECOLOGICAL_BENEFIT("生态效益指标", Level1.BENEFIT),
    SUSTAINABLE_IMPACT("可持续影响指标", Level1.BENEFIT),
    SATISFACTION("服务对象满意度指标", Level1.SATISFACTION),
    ECONOMIC_COST("经济成本指标", Level1.COST),
    SOCIAL_COST("社会成本指标", Level1.COST),
    ECOLOGICAL_COST("生态环境成本指标", Level1.COST);

    private final String label;
    private final Level1 parent;

    Level2(String label, Level1 parent) {
        this.label = label;
        this.parent = parent;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The level-1 group in the framework this level-2 name comes from. */
    public Level1 parent() {
        return parent;
    }

    /** True for the money-measured cost lines of either framework. */
    public boolean isMonetaryCost() {
        return this == COST || this == ECONOMIC_COST;
    }

    @JsonCreator
    public static Level2 fromLabel(String label) {
        return Taxonomy.level2(label).orElse(null);
    }
}
