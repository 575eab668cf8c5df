package cn.zhibiao.retrieval;

/** One row of an example table in the 编报说明 (e.g. 学前教育 / 数量指标 / 新增幼儿园数量 / 5000所). */
public record InstructionExample(
        String id,
        String source,
        String topic,
        String level1,
        String level2,
        String name,
        String periodValue,
        String annualValue) {

    String text() {
        return String.join(" ", nonNull(topic), nonNull(name), nonNull(periodValue), nonNull(annualValue)).strip();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
