package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.Taxonomy;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.indicator.ValueKind;
import cn.zhibiao.indicator.ValueParser;

/**
 * The proposer's own, deliberately stricter-than-needed test of a row before the checker sees it: precedent is only
 * worth copying when its value is a number with a unit, a date or a rate of the right kind for its category. Past
 * forms are full of 效益 prose ("得到保障") that a checker may let through as a warning; a proposal should not.
 */
final class Measurable {

    private static final List<String> UNMEASURABLE = List.of(
            "按计划", "按时", "按期", "如期", "及时", "较好", "良好", "明显", "显著", "有效", "有所", "进一步", "逐步",
            "稳步", "持续", "不断", "按要求", "按规定", "按政策", "按文件", "按上级", "符合", "达标", "据实", "应保尽保",
            "应补尽补", "足额", "较大", "较高", "一定程度", "不低于上年", "确保", "加强", "做好", "资金范围", "控制率",
            "不超预算", "预算内", "不涉及", "待定", "以各", "为准", "按符合");

    /** Names that are not indicators: sentences of intent, "not applicable" rows, or money put in as output. */
    private static final List<String> NOT_A_NAME = List.of("不涉及", "工作计划", "规定时间", "做好", "确保", "加强",
            "达到保障", "落实", "，", "。", "；");
    private static final Pattern MONEY_IN_NAME = Pattern.compile("(?<!\\d)\\d++(?:\\.\\d++)?\\s*+万?元");

    private static final Pattern NAME_PREFIX = Pattern.compile("^(?:指标)?\\s*\\d{1,2}\\s*[:：、.]\\s*");

    private Measurable() {
    }

    /** "指标1：资助参保人次数" is a form's numbering, not part of the name. */
    static String cleanName(String name) {
        return name == null ? null : NAME_PREFIX.matcher(TextNormaliser.normalise(name).strip()).replaceFirst("");
    }

    static boolean accepts(Level2 level2, String name, String value) {
        if (level2 == null || name == null || value == null || name.isBlank() || name.length() < 2
                || name.length() > 30 || Taxonomy.isCategoryLabel(name) || NOT_A_NAME.stream().anyMatch(name::contains)
                || MONEY_IN_NAME.matcher(name).find()) {
            return false;
        }
        String text = TextNormaliser.normalise(value).strip();
        if (text.equals(name) || text.length() > 30 || UNMEASURABLE.stream().anyMatch(text::contains)) {
            return false;
        }
        ParsedValue parsed = ValueParser.parse(text);
        boolean quantity = parsed.kind() == ValueKind.QUANTITY && parsed.hasNumber() && parsed.unit() != null
                && parsed.number().signum() >= 0;
        boolean percent = quantity && parsed.isPercent() && parsed.number().compareTo(BigDecimal.valueOf(100)) <= 0
                && parsed.numberMax() == null;
        boolean date = parsed.kind() == ValueKind.DATE || parsed.deadline() != null;
        // "100%完成" claims completion; only a deadline ("2024年底前完成") makes 完成 checkable.
        if (text.contains("完成") && parsed.deadline() == null) {
            return false;
        }
        return switch (level2) {
            case QUANTITY -> quantity && !parsed.isPercent() && !text.contains("元");
            case QUALITY -> percent;
            case TIMELINESS -> date && !text.matches(".*\\d{5,}.*") || percent && name.contains("率");
            case COST, ECONOMIC_COST -> quantity && parsed.unit().contains("元") && parsed.numberMax() == null;
            case SATISFACTION -> percent && name.contains("满意");
            case ECONOMIC_BENEFIT, SOCIAL_BENEFIT, ECOLOGICAL_BENEFIT, SUSTAINABLE_IMPACT -> percent
                    || quantity && !text.contains("元") && !name.contains("满意");
            case SOCIAL_COST, ECOLOGICAL_COST -> false;
        };
    }
}
