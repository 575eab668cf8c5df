package cn.zhibiao.proposal;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;

/** A worked example from a 编报说明 (filling instructions), cited by its id. */
public record GuidanceExample(
        String id,
        String source,
        String topic,
        Level1 level1,
        Level2 level2,
        String name,
        String periodValue,
        String annualValue) {
}
