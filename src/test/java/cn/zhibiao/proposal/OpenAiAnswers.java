package cn.zhibiao.proposal;

/** Real-shaped answers of an OpenAI-compatible provider, for tests and benchmarks outside this package. */
public final class OpenAiAnswers {

    private OpenAiAnswers() {
    }

    /** A non-streaming chat completion proposing one row of each required category. */
    public static String typicalCompletion() {
        return OpenAiShapes.completion(OpenAiShapes.rows(
                OpenAiShapes.row("产出指标", "数量指标", "受益对象人数", "≥1000人", "取自年度绩效目标。"),
                OpenAiShapes.row("产出指标", "质量指标", "资金使用合规率", "100%", "参考相似项目。"),
                OpenAiShapes.row("产出指标", "时效指标", "资金拨付完成时间", "2025年12月31日前", "年度内拨付。"),
                OpenAiShapes.row("产出指标", "成本指标", "项目总成本", "≤100万元", "不超过年度预算。"),
                OpenAiShapes.row("效益指标", "社会效益指标", "政策知晓率", "≥90%", "参考相似项目。"),
                OpenAiShapes.row("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "参考相似项目。")), null);
    }
}
