package cn.zhibiao.proposal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;

/**
 * One indicator of the sector library: its categories, name, value pattern with slots ({@code {n}人}, {@code ≥{rate}%},
 * {@code {date}前}, {@code ≤{cost}元/人/年}, {@code ≤{funds}万元}), unit and the basis a reviewer can look up.
 */
public record LibraryEntry(String sector, Level1 level1, Level2 level2, String name, String pattern, String unit,
        String basis) {

    /** The visible mark of a number the brief does not give; the row cannot be submitted until it is replaced. */
    public static final String PLACEHOLDER = "【请填写】";
    private static final Pattern SLOT = Pattern.compile("\\{(n|rate|cost|date|funds)}");

    /** Where the slots are filled from: the brief's year and funds, or a placeholder. */
    record Fill(Integer year, String funds) {
    }

    /** The value with every slot filled: from the brief where it states the figure, otherwise a placeholder. */
    String value(Fill fill) {
        return render(slot -> switch (slot) {
            case "date" -> fill.year() == null ? PLACEHOLDER : fill.year() + "年12月31日";
            case "funds" -> fill.funds() == null ? PLACEHOLDER : fill.funds();
            default -> PLACEHOLDER;
        });
    }

    /** The value with typical numbers in the slots: what the checker is shown to judge the entry's shape. */
    String probe() {
        return render(slot -> switch (slot) {
            case "date" -> "2026年12月31日";
            case "rate" -> "95";
            default -> "100";
        });
    }

    private String render(java.util.function.Function<String, String> slot) {
        Matcher m = SLOT.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(slot.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean isTemplate() {
        return SectorLibrary.GENERIC.equals(sector);
    }
}
