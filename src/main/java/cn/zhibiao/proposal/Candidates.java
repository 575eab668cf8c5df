package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.indicator.ValueKind;
import cn.zhibiao.indicator.ValueParser;
import cn.zhibiao.proposal.Candidate.Tier;

/**
 * The candidate stage: rows from the brief's facts, from same-sector precedents, from instruction examples and from the
 * sector library. A number is only ever taken from the brief; wherever a row needs one the brief does not give, its
 * value carries the placeholder 【请填写】 and the row a question.
 */
final class Candidates {

    static final String FROM_BRIEF = "来自项目申报内容";
    /** An example's indicator must share this many two-character words with the brief: one (资金, 补助) says nothing. */
    private static final int MIN_SHARED_WORDS = 2;

    private Candidates() {
    }

    static List<Candidate> fromFacts(List<Fact> facts) {
        return facts.stream().map(f -> new Candidate(row(f.level2(), f.name(), f.value(),
                FROM_BRIEF + "：“" + f.quote() + "”。", List.of(), Origin.OFFLINE), Tier.STATED, 1)).toList();
    }

    /** The rows of precedents (already filtered to this project's sector), their numbers replaced by placeholders. */
    static List<Candidate> fromPrecedents(List<SimilarExample> precedents, ProjectBrief brief, RowChecker checker) {
        List<Candidate> out = new ArrayList<>();
        String text = briefText(brief);
        for (SimilarExample ex : precedents) {
            Declaration past = ex.declaration();
            List<Indicator> rows = annual(past.indicators());
            RowCheck check = checker.check(ProjectBrief.of(past, false), rows);
            for (int i = 0; i < rows.size(); i++) {
                Indicator row = rows.get(i);
                Level2 level2 = row.level2() == Level2.ECONOMIC_COST ? Level2.COST : row.level2();
                String name = Measurable.cleanName(row.name());
                if (level2 == null || check.row(i).stream().anyMatch(ProposalFinding::isError)
                        || !Measurable.accepts(level2, name, row.value())) {
                    continue;
                }
                String value = withoutNumber(row.value(), brief.year());
                if (value == null) {
                    continue;
                }
                String rationale = "参考" + Wording.cite(past.projectName(), past.region(), past.year()) + "的同类指标“"
                        + name + "：" + TextNormaliser.normalise(row.value()).strip() + "”"
                        + (value.contains(LibraryEntry.PLACEHOLDER) ? "；数值未沿用，请按本项目填写。" : "。");
                out.add(new Candidate(row(level2, name, value, rationale, List.of(ex.declarationId()), Origin.OFFLINE),
                        Tier.PRECEDENT, ex.score() + Wording.shared(name, text)));
            }
        }
        return out;
    }

    /**
     * Instruction examples of the brief's sector (judged from the example's topic) whose name shares wording with the brief;
     * their numbers are the example's, not ours.
     */
    static List<Candidate> fromGuidance(List<GuidanceExample> examples, ProjectBrief brief, SectorLibrary library,
            SectorGuess sector) {
        String text = briefText(brief);
        List<Candidate> out = new ArrayList<>();
        for (GuidanceExample ex : examples) {
            String stated = ex.annualValue() != null && !ex.annualValue().isBlank() ? ex.annualValue() : ex.periodValue();
            String topic = ex.topic() == null ? "" : ex.topic();
            int shared = Wording.shared(ex.name(), text);
            if (ex.level2() == null || stated == null || shared < MIN_SHARED_WORDS
                    || !Measurable.accepts(ex.level2(), ex.name(), stated) || !library.detect(new ProjectBrief(topic,
                            null, null, null, null, null, null, null, List.of())).sector().equals(sector.sector())) {
                continue;
            }
            String value = withoutNumber(stated, brief.year());
            if (value != null) {
                out.add(new Candidate(row(ex.level2(), ex.name(), value, "编报说明示例：“" + ex.name() + "：" + stated
                        + "”" + (topic.isEmpty() ? "" : "（" + topic + "）") + "；数值请按本项目填写。",
                        List.of(ex.id()), Origin.OFFLINE), Tier.GUIDANCE, shared));
            }
        }
        return out;
    }

    static List<Candidate> fromLibrary(List<LibraryEntry> entries, ProjectBrief brief) {
        String text = briefText(brief);
        LibraryEntry.Fill fill = fill(brief);
        List<Candidate> out = new ArrayList<>();
        for (LibraryEntry e : entries) {
            boolean template = e.isTemplate();
            String rationale = template ? "通用模板，请按项目实际修改（" + e.basis() + "）。"
                    : "参考“" + e.sector() + "”类指标库：" + e.basis() + "。";
            out.add(new Candidate(row(e.level2(), e.name(), e.value(fill), rationale, List.of(),
                    template ? Origin.TEMPLATE : Origin.OFFLINE), template ? Tier.TEMPLATE : Tier.LIBRARY,
                    Wording.shared(e.name(), text)));
        }
        return out;
    }

    private static LibraryEntry.Fill fill(ProjectBrief brief) {
        BigDecimal funds = brief.fundsWanYuan();
        return new LibraryEntry.Fill(brief.year(), funds == null || funds.signum() <= 0 ? null
                : funds.stripTrailingZeros().toPlainString());
    }

    /**
     * A precedent's value with its figure taken out: a year-end deadline moved to the brief's year (any other date is
     * the precedent's own schedule), a count or rate left as a placeholder with its comparator and unit. Null when the
     * value has neither.
     */
    static String withoutNumber(String value, Integer year) {
        ParsedValue parsed = ValueParser.parse(value);
        if (parsed.deadline() != null) {
            boolean yearEnd = parsed.deadline().getMonthValue() == 12 && parsed.deadline().getDayOfMonth() == 31;
            return year == null || !yearEnd ? LibraryEntry.PLACEHOLDER + "前" : year + "年12月31日前";
        }
        if (parsed.kind() != ValueKind.QUANTITY || parsed.unit() == null) {
            return null;
        }
        String comparator = parsed.comparator() == null ? "" : parsed.comparator().symbol();
        return comparator + LibraryEntry.PLACEHOLDER + parsed.unit();
    }

    private static ProposedRow row(Level2 level2, String name, String value, String rationale, List<String> sources,
            Origin origin) {
        return new ProposedRow(OfflineProposer.level1(level2), level2, name, value, rationale, sources, origin,
                List.of());
    }

    static List<Indicator> annual(List<Indicator> rows) {
        boolean hasAnnual = rows.stream().anyMatch(i -> i.scope() == Scope.ANNUAL);
        return rows.stream().filter(i -> !hasAnnual || i.scope() == Scope.ANNUAL).toList();
    }

    static String briefText(ProjectBrief brief) {
        return String.join(" ", nullToEmpty(brief.projectName()), nullToEmpty(brief.overview()),
                nullToEmpty(brief.annualGoal()), nullToEmpty(brief.periodGoal()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
