package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.proposal.ProposalFinding.Severity;

/**
 * Test fixture standing in for the rule checker, with four obvious rules: an empty value, a completion claim, a cost
 * without money and a satisfaction without a percentage are ERRORs. The real catalog replaces it at merge.
 */
public final class SimpleRowChecker implements RowChecker {

    private static final Set<String> COMPLETION_CLAIMS = Set.of("完成", "已完成", "全面完成", "按计划完成", "按期完成",
            "按时完成", "如期完成", "完成任务", "顺利完成", "圆满完成");

    @Override
    public RowCheck check(ProjectBrief project, List<Indicator> rows) {
        List<List<ProposalFinding>> perRow = new ArrayList<>();
        for (Indicator row : rows) {
            perRow.add(check(row));
        }
        return new RowCheck(perRow, List.of());
    }

    private static List<ProposalFinding> check(Indicator row) {
        String value = row.value() == null ? "" : TextNormaliser.squeeze(row.value());
        List<ProposalFinding> out = new ArrayList<>();
        if (value.isEmpty()) {
            out.add(new ProposalFinding("VALUE_EMPTY", Severity.ERROR, "指标值不能为空。", "填写可衡量的目标值，如“≥95%”。"));
        } else if (COMPLETION_CLAIMS.contains(value)) {
            out.add(new ProposalFinding("VALUE_VAGUE_COMPLETION", Severity.ERROR, "“" + row.value() + "”无法衡量。",
                    "写成可核验的目标值，如“2024年12月31日前”。"));
        } else if (row.level2() != null && row.level2().isMonetaryCost() && !value.contains("元")) {
            out.add(new ProposalFinding("COST_WITHOUT_MONEY", Severity.ERROR, "成本指标“" + row.value() + "”没有金额。",
                    "写出总成本或单位成本，如“≤61.44元/人”。"));
        } else if (row.level2() == Level2.SATISFACTION && !value.contains("%")) {
            out.add(new ProposalFinding("SATISFACTION_WITHOUT_PERCENT", Severity.ERROR,
                    "满意度“" + row.value() + "”没有百分比。", "写成“≥90%”。"));
        }
        return out;
    }

    @Override
    public String catalogSummary() {
        return """
                - VALUE_EMPTY（错误）：指标值不能为空。
                - VALUE_VAGUE_COMPLETION（错误）：“完成”“按计划完成”等无法衡量。
                - COST_WITHOUT_MONEY（错误）：成本指标须写金额或单位成本（元）。
                - SATISFACTION_WITHOUT_PERCENT（错误）：满意度须为百分比。""";
    }
}
