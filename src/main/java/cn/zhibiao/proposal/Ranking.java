package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.ValueParser;
import cn.zhibiao.proposal.Candidate.Tier;

/**
 * The last stage: per category, candidates in order of source (the brief's facts first) and relevance, without two
 * rows saying the same thing, up to the category's row count. Stated rows are never cut; a generic template only
 * fills a category nothing else could; an optional category (经济效益, 生态效益, 可持续影响) only takes rows whose wording
 * the brief shares. The row count of a category (zhibiao.proposal.rows-per-category) is on top of the stated rows.
 */
final class Ranking {

    /** What every proposal must cover, as the filling instructions require. */
    static final List<Level2> REQUIRED = List.of(Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS, Level2.COST,
            Level2.SOCIAL_BENEFIT, Level2.SATISFACTION);

    private final Map<Level2, Integer> rowsPerCategory;
    private final double duplicateNameSimilarity;

    Ranking(Map<Level2, Integer> rowsPerCategory, double duplicateNameSimilarity) {
        this.rowsPerCategory = rowsPerCategory;
        this.duplicateNameSimilarity = duplicateNameSimilarity;
    }

    /**
     * The ranked rows. With {@code gapsOnly} (the model has answered), other sources only fill a required category that
     * the stated and the model's rows leave empty, with one row.
     */
    List<Candidate> rank(List<Candidate> candidates, boolean gapsOnly) {
        Map<Level2, List<Candidate>> byCategory = new EnumMap<>(Level2.class);
        for (Candidate c : candidates) {
            byCategory.computeIfAbsent(category(c.row().level2()), l -> new ArrayList<>()).add(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<Level2, List<Candidate>> e : byCategory.entrySet()) {
            Level2 level2 = e.getKey();
            boolean required = REQUIRED.contains(level2);
            int full = rowsPerCategory.getOrDefault(level2, required ? 1 : 0);
            List<Candidate> ordered = e.getValue().stream().sorted(Comparator.comparing(Candidate::tier)
                    .thenComparing(Comparator.comparingDouble(Candidate::relevance).reversed())).toList();
            List<Candidate> kept = new ArrayList<>();
            int added = 0;
            for (Candidate c : ordered) {
                if (duplicates(c, kept)) {
                    continue;
                }
                boolean stated = c.isStated() || c.tier() == Tier.MODEL;
                int quota = !gapsOnly ? full : required && kept.stream().allMatch(k -> !k.isStated()
                        && k.tier() != Tier.MODEL) ? 1 : 0;
                boolean take = stated || added < quota && switch (c.tier()) {
                    case TEMPLATE -> kept.isEmpty() && required;
                    case LIBRARY, GUIDANCE -> c.relevance() > 0 || kept.isEmpty() && required;
                    default -> required || c.relevance() > 0;
                };
                if (take) {
                    kept.add(c);
                    added += stated ? 0 : 1;
                }
            }
            out.addAll(kept);
        }
        return out;
    }

    /** 成本 in either framework is one category here. */
    static Level2 category(Level2 level2) {
        return level2 == Level2.ECONOMIC_COST ? Level2.COST : level2;
    }

    /**
     * The same indicator twice: alike names, or, for a generic row still to be filled (library, example, template),
     * any stated row of the same unit — the brief already gives that figure. A precedent's own wording is kept.
     */
    private boolean duplicates(Candidate c, List<Candidate> kept) {
        for (Candidate k : kept) {
            if (Wording.similarity(c.row().name(), k.row().name()) >= duplicateNameSimilarity
                    || !c.hasPlaceholder() && c.row().value().equals(k.row().value()) && !c.isStated()) {
                return true;
            }
            if (c.hasPlaceholder() && c.tier().compareTo(Tier.GUIDANCE) >= 0 && k.isStated()
                    && sameUnit(c.row().value(), k.row().value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameUnit(String a, String b) {
        ParsedValue x = ValueParser.parse(a.replace(LibraryEntry.PLACEHOLDER, "1"));
        ParsedValue y = ValueParser.parse(b);
        return x.unit() != null && y.unit() != null && personless(x.unit()).equals(personless(y.unit()))
                && x.deadline() == null == (y.deadline() == null);
    }

    /** 名 and 人 count the same; 万人 is 人; 元/人/年 and 元/人/天 are both a cost per person. */
    private static String personless(String unit) {
        return unit.replace("名", "人").replaceFirst("^[万千]", "").replaceFirst("/(?:年|月|天|日)$", "");
    }
}
