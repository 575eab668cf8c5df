package cn.zhibiao.indicator;

import java.util.Optional;

/**
 * Maps the category labels written on real forms ("数量\n指标", "环境效益", "社会公益或服务对象满意度指标",
 * "服务对象满意度指") onto the canonical levels of both the older and the 2021 framework.
 */
public final class Taxonomy {

    private Taxonomy() {
    }

    public static Optional<Level1> level1(String raw) {
        String key = stem(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (isSatisfactionLabel(key)) {
            return Optional.of(Level1.SATISFACTION);
        }
        return Optional.ofNullable(switch (key) {
            case "产出" -> Level1.OUTPUT;
            case "效益", "效果" -> Level1.BENEFIT;
            case "成本" -> Level1.COST;
            default -> null;
        });
    }

    public static Optional<Level2> level2(String raw) {
        String key = stem(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (isSatisfactionLabel(key)) {
            return Optional.of(Level2.SATISFACTION);
        }
        return Optional.ofNullable(switch (key) {
            case "数量" -> Level2.QUANTITY;
            case "质量" -> Level2.QUALITY;
            case "时效" -> Level2.TIMELINESS;
            case "成本" -> Level2.COST;
            case "经济效益" -> Level2.ECONOMIC_BENEFIT;
            case "社会效益" -> Level2.SOCIAL_BENEFIT;
            case "生态效益", "环境效益", "生态环境效益" -> Level2.ECOLOGICAL_BENEFIT;
            case "可持续影响" -> Level2.SUSTAINABLE_IMPACT;
            case "经济成本" -> Level2.ECONOMIC_COST;
            case "社会成本" -> Level2.SOCIAL_COST;
            case "生态环境成本", "环境成本", "生态成本" -> Level2.ECOLOGICAL_COST;
            default -> null;
        });
    }

    /** True when the label names a category at all, at either level. */
    public static boolean isCategoryLabel(String raw) {
        return level1(raw).isPresent() || level2(raw).isPresent();
    }

    /** True when {@code level2} may stand under {@code level1} in either framework. */
    public static boolean belongsTo(Level2 level2, Level1 level1) {
        if (level2.parent() == level1) {
            return true;
        }
        // Local 编报说明 file 满意度 under 效益, and the 2021 layout files 成本 under 产出 as well as on its own.
        return level2 == Level2.SATISFACTION && level1 == Level1.BENEFIT
                || level2 == Level2.COST && level1 == Level1.COST;
    }

    /** 满意度 groups go by many names; an indicator text that merely mentions 满意 is not one of them. */
    private static boolean isSatisfactionLabel(String key) {
        return key.length() <= 14 && key.contains("满意")
                && (key.startsWith("满意") || key.startsWith("服务对象") || key.startsWith("社会公众")
                        || key.startsWith("社会公益") || key.startsWith("群众满意"));
    }

    private static String stem(String raw) {
        String key = TextNormaliser.squeeze(raw == null ? "" : raw);
        if (key.endsWith("指标")) {
            key = key.substring(0, key.length() - 2);
        } else if (key.endsWith("指")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }
}
