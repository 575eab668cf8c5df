package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.ValueParser;
import cn.zhibiao.proposal.Candidate.Tier;
import cn.zhibiao.proposal.ProposalFinding.Severity;

/**
 * Proposes indicators without any network, as a pipeline of small stages: facts from the brief → candidates from the
 * facts, same-sector precedents, instruction examples and the sector library → one check of each candidate by the rule
 * checker → ranking and deduplication per category. Numbers come from the brief only; a row that needs one the brief
 * does not give keeps a visible placeholder, a finding that blocks submission, and a question for the user.
 */
public final class OfflineProposer {

    /** The finding on a row whose value still holds 【请填写】. */
    static final String TO_FILL = "VALUE_TO_FILL";

    private final ExampleSource examples;
    private final RowChecker checker;
    private final SectorLibrary library;
    private final Ranking ranking;
    private final ProposalSettings settings;

    OfflineProposer(ExampleSource examples, RowChecker checker, SectorLibrary library, ProposalSettings settings) {
        this.examples = examples;
        this.checker = checker;
        this.library = library;
        this.settings = settings;
        this.ranking = new Ranking(settings.rowsByLevel2(), settings.duplicateNameSimilarity());
    }

    /** A proposal from already retrieved precedent, after {@code notices} that explain why it is offline. */
    Proposal propose(ProjectBrief project, List<SimilarExample> similar, List<String> notices) {
        List<String> all = new ArrayList<>(notices);
        List<ProposedRow> rows = complete(project, List.of(), similar, all);
        return proposal(project, rows, all, false, null, null);
    }

    /** The proposal record, with the questions its placeholders ask. */
    static Proposal proposal(ProjectBrief project, List<ProposedRow> rows, List<String> notices, boolean llmUsed,
            String model, String promptHash) {
        Set<String> questions = new LinkedHashSet<>();
        for (ProposedRow row : rows) {
            if (row.value().contains(LibraryEntry.PLACEHOLDER)) {
                questions.add(row.value().endsWith("前") ? row.name() + "定在哪一天？" : row.name() + "是多少？");
            }
        }
        return new Proposal(project, rows, notices, llmUsed, model, promptHash, List.copyOf(questions));
    }

    /**
     * The whole pipeline, with {@code given} rows (the model's) ranked after the brief's facts and before every other
     * source. Rows failing the checker are dropped with a notice, except the brief's own figures, which are kept with
     * their findings: the user stated them.
     */
    List<ProposedRow> complete(ProjectBrief project, List<ProposedRow> given, List<SimilarExample> similar,
            List<String> notices) {
        SectorGuess sector = library.detect(project);
        List<Candidate> candidates = new ArrayList<>(keepSoundExisting(project, notices));
        // A figure the model already wrote into one of its rows is that row, under the model's name for it.
        candidates.addAll(Candidates.fromFacts(FactExtractor.extract(project)).stream()
                .filter(f -> given.stream().noneMatch(g -> sameFigure(g, f.row()))).toList());
        given.forEach(r -> candidates.add(new Candidate(r, Tier.MODEL, 1)));
        candidates.addAll(Candidates.fromPrecedents(precedents(project, sector, similar), project, checker));
        List<GuidanceExample> guidance = new ArrayList<>();
        Ranking.REQUIRED.forEach(l -> guidance.addAll(examples.guidance(l)));
        candidates.addAll(Candidates.fromGuidance(guidance, project, library, sector));
        candidates.addAll(Candidates.fromLibrary(library.entries(sector.sector()), project));
        candidates.addAll(Candidates.fromLibrary(library.templates(), project));
        List<ProposedRow> rows = withFindings(project, ranking.rank(checked(project, candidates), !given.isEmpty()),
                notices);
        for (Level2 level2 : Ranking.REQUIRED) {
            if (rows.stream().noneMatch(r -> Ranking.category(r.level2()) == level2)) {
                notices.add("未能生成“" + level2.label() + "”，请手工填写。");
            }
        }
        return rows;
    }

    /**
     * Past projects worth learning from: of the project's own sector, similar enough (the threshold learned on the
     * retrieval dev set), and never the project itself.
     */
    List<SimilarExample> precedents(ProjectBrief project, SectorGuess sector, List<SimilarExample> similar) {
        return similar.stream()
                .filter(s -> s.score() >= settings.minPrecedentSimilarity())
                .filter(s -> !isSelf(project, s))
                .filter(s -> library.detect(ProjectBrief.of(s.declaration(), false)).sector().equals(sector.sector()))
                .toList();
    }

    private static boolean isSelf(ProjectBrief project, SimilarExample s) {
        return Objects.equals(project.projectName(), s.declaration().projectName())
                && Objects.equals(project.year(), s.declaration().year())
                && Objects.equals(Wording.shortRegion(project.region()), Wording.shortRegion(s.declaration().region()));
    }

    private static boolean sameFigure(ProposedRow a, ProposedRow b) {
        if (Ranking.category(a.level2()) != Ranking.category(b.level2())) {
            return false;
        }
        ParsedValue x = ValueParser.parse(a.value());
        ParsedValue y = ValueParser.parse(b.value());
        return x.deadline() != null ? x.deadline().equals(y.deadline())
                : x.hasNumber() && y.hasNumber() && x.number().compareTo(y.number()) == 0;
    }

    /** The check stage: each candidate on its own, as a row of this project; placeholders are judged by their shape. */
    private List<Candidate> checked(ProjectBrief project, List<Candidate> candidates) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            RowCheck check = checker.check(project, List.of(probe(c.row())));
            if (c.isStated() || c.tier() == Tier.MODEL || check.row(0).stream().noneMatch(ProposalFinding::isError)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The rows as the user will submit them, checked together; a placeholder row also gets its blocking finding. */
    List<ProposedRow> withFindings(ProjectBrief project, List<Candidate> ranked, List<String> notices) {
        RowCheck check = checker.check(project, ranked.stream().map(c -> probe(c.row())).toList());
        List<ProposedRow> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            List<ProposalFinding> findings = new ArrayList<>(check.row(i));
            // The model's unsupported numbers were marked against its context, which this check does not see.
            c.row().findings().stream().filter(f -> f.ruleId().equals(NumberSupport.UNSUPPORTED)).forEach(findings::add);
            if (c.hasPlaceholder()) {
                findings.add(new ProposalFinding(TO_FILL, Severity.ERROR, "项目申报内容未给出“" + c.row().name()
                        + "”的目标值，请填写后再提交。", "把“" + LibraryEntry.PLACEHOLDER + "”换成本项目的目标值。"));
            }
            ProposedRow row = c.row().withFindings(findings);
            boolean checkerError = check.row(i).stream().anyMatch(ProposalFinding::isError);
            if (checkerError && !c.isStated() && c.tier() != Tier.MODEL) {
                notices.add("已删除未通过检查的指标“" + row.name() + "：" + row.value() + "”（"
                        + check.row(i).stream().filter(ProposalFinding::isError).map(ProposalFinding::message)
                                .findFirst().orElse("") + "）");
            } else {
                out.add(row);
            }
        }
        return out;
    }

    /** A placeholder row with a typical figure in place of 【请填写】, so that the checker judges its shape. */
    static Indicator probe(ProposedRow row) {
        String value = row.value();
        if (value.contains(LibraryEntry.PLACEHOLDER)) {
            value = value.endsWith(LibraryEntry.PLACEHOLDER + "前") ? "2026年12月31日前"
                    : value.replace(LibraryEntry.PLACEHOLDER + "%", "95%").replace(LibraryEntry.PLACEHOLDER, "100");
        }
        return new ProposedRow(row.level1(), row.level2(), row.name(), value, row.rationale(), row.sources(),
                row.origin(), List.of()).toIndicator();
    }

    /** The user's own rows that pass the checker are kept as they are; the others are reported and replaced. */
    private List<Candidate> keepSoundExisting(ProjectBrief project, List<String> notices) {
        List<Indicator> existing = Candidates.annual(project.indicators()).stream().filter(i -> i.level2() != null)
                .toList();
        if (existing.isEmpty()) {
            return List.of();
        }
        RowCheck check = checker.check(project, existing);
        List<Candidate> kept = new ArrayList<>();
        for (int i = 0; i < existing.size(); i++) {
            Indicator row = existing.get(i);
            List<ProposalFinding> findings = check.row(i);
            if (row.name() == null || row.name().isBlank() || row.value() == null || row.value().isBlank()) {
                notices.add("原指标“" + Objects.toString(row.name(), "") + "：" + Objects.toString(row.value(), "")
                        + "”缺少三级指标名称或指标值，已按同类指标重新建议。");
            } else if (findings.stream().anyMatch(ProposalFinding::isError)) {
                notices.add("原指标“" + row.name() + "：" + row.value() + "”有错误（"
                        + findings.stream().filter(ProposalFinding::isError).map(ProposalFinding::message)
                                .findFirst().orElse("") + "），已按同类指标重新建议。");
            } else {
                kept.add(new Candidate(new ProposedRow(level1(row.level2()), row.level2(), row.name(), row.value(),
                        "沿用原有指标（检查未发现错误）。", List.of(), Origin.OFFLINE, findings), Tier.STATED, 1));
            }
        }
        return kept;
    }

    static Level1 level1(Level2 level2) {
        return level2 == Level2.SATISFACTION ? Level1.SATISFACTION : level2.parent();
    }
}
