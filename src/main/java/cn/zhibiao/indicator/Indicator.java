package cn.zhibiao.indicator;

/**
 * One 三级指标 row. {@code level1Raw}/{@code level2Raw} keep the form's own wording; {@code level1}/{@code level2}
 * are canonical and may be null when the form's wording is not in the taxonomy.
 */
public record Indicator(
        Level1 level1,
        Level2 level2,
        String level1Raw,
        String level2Raw,
        String name,
        String value,
        Scope scope,
        ParsedValue parsed) {

    /** Builds a row from the form's wording, canonicalising the categories and parsing the value. */
    public static Indicator of(String level1Raw, String level2Raw, String name, String value, Scope scope) {
        Level2 level2 = Taxonomy.level2(level2Raw).orElse(null);
        Level1 level1 = Taxonomy.level1(level1Raw)
                .orElse(level2 == null ? null : level2.parent());
        if (level2 == Level2.SATISFACTION) {
            level1 = Level1.SATISFACTION;
        }
        return new Indicator(level1, level2, label(level1Raw), label(level2Raw), name, value, scope,
                ValueParser.parse(value));
    }

    /** Category labels split over lines or padded ("数量\n指标", "成本 指标") are one word. */
    private static String label(String raw) {
        return raw == null || raw.isBlank() ? null : TextNormaliser.squeeze(raw);
    }

    /** The same row with {@code parsed} computed, for input that arrived without it. */
    public Indicator withParsedValue() {
        return parsed != null ? this : new Indicator(level1, level2, level1Raw, level2Raw, name, value, scope,
                ValueParser.parse(value));
    }
}
