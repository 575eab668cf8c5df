package cn.zhibiao.corpus;

/**
 * A worked example from a 编报说明: one indicator with its 实施期 and 年度 values, under the topic the instructions
 * illustrate it with (e.g. 支持学前教育发展资金). {@code id} is stable: source stem, "#ex", position.
 */
public record InstructionExample(
        String id,
        String source,
        String topic,
        String level1,
        String level2,
        String name,
        String periodValue,
        String annualValue) {
}
