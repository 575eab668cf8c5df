package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.indicator.ValueParser;

/**
 * Proposes indicators without any network: the compliant rows of the most similar past projects, adapted to this
 * project's year, funds and the figures its own text states; then relevant filling-instruction examples; then generic
 * templates. Every row it emits has passed the checker without an ERROR.
 */
public final class OfflineProposer {

    /** What a complete declaration needs: 产出 数量/质量/时效/成本, a 社会效益 and a 满意度 indicator. */
    public static final List<Level2> REQUIRED = List.of(Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS,
            Level2.COST, Level2.SOCIAL_BENEFIT, Level2.SATISFACTION);

    /** How many rows of each category to propose; optional categories only from precedent. */
    private static final Map<Level2, Integer> QUOTA = new LinkedHashMap<>();

    static {
        QUOTA.put(Level2.QUANTITY, 2);
        QUOTA.put(Level2.QUALITY, 2);
        QUOTA.put(Level2.TIMELINESS, 1);
        QUOTA.put(Level2.COST, 1);
        QUOTA.put(Level2.ECONOMIC_BENEFIT, 1);
        QUOTA.put(Level2.SOCIAL_BENEFIT, 1);
        QUOTA.put(Level2.SUSTAINABLE_IMPACT, 1);
        QUOTA.put(Level2.SATISFACTION, 1);
    }


    private final ExampleSource examples;
    private final RowChecker checker;
    private final Templates templates;
    private final int similarK;

    public OfflineProposer(ExampleSource examples, RowChecker checker, int similarK) {
        this.examples = examples;
        this.checker = checker;
        this.templates = Templates.load();
        this.similarK = similarK;
    }

    public Proposal propose(ProjectBrief project) {
        return propose(project, examples.similar(project.withoutIndicators(), similarK), List.of());
    }

    /** A proposal from already retrieved precedent, after {@code notices} that explain why it is offline. */
    Proposal propose(ProjectBrief project, List<SimilarExample> similar, List<String> notices) {
        List<String> all = new ArrayList<>(notices);
        List<ProposedRow> kept = keepSoundExisting(project, all);
        return new Proposal(project, complete(project, kept, similar, all), all, false, null, null);
    }

    /**
     * {@code rows} plus offline rows for every category they lack, all checked together; rows with an ERROR are
     * dropped with a notice. {@code similar} is passed in so that a caller that already retrieved it (the LLM path)
     * does not retrieve twice.
     */
    List<ProposedRow> complete(ProjectBrief project, List<ProposedRow> rows, List<SimilarExample> similar,
            List<String> notices) {
        return complete(project, rows, similar, notices, QUOTA);
    }

    /** Only one row for each required category that {@code rows} lack: the model's answer is completed, not padded. */
    List<ProposedRow> fillGaps(ProjectBrief project, List<ProposedRow> rows, List<SimilarExample> similar,
            List<String> notices) {
        Map<Level2, Integer> gaps = new LinkedHashMap<>();
        for (Level2 level2 : REQUIRED) {
            gaps.put(level2, 1);
        }
        return complete(project, rows, similar, notices, gaps);
    }

    private List<ProposedRow> complete(ProjectBrief project, List<ProposedRow> rows, List<SimilarExample> similar,
            List<String> notices, Map<Level2, Integer> quotas) {
        ProjectFacts facts = ProjectFacts.of(project);
        Map<Level2, List<Candidate>> fromPrecedent = precedent(project, facts, similar);
        List<ProposedRow> accepted = new ArrayList<>(rows);
        Set<String> names = new HashSet<>();
        accepted.forEach(r -> names.add(r.name()));
        for (Map.Entry<Level2, Integer> quota : quotas.entrySet()) {
            Level2 level2 = quota.getKey();
            int missing = quota.getValue() - (int) accepted.stream().filter(r -> covers(r.level2(), level2)).count();
            boolean required = REQUIRED.contains(level2);
            if (missing <= 0 || !required && accepted.stream().noneMatch(r -> r.level2() == level2)
                    && fromPrecedent.getOrDefault(level2, List.of()).isEmpty()) {
                continue;
            }
            boolean hadNone = accepted.stream().noneMatch(r -> covers(r.level2(), level2));
            List<Candidate> candidates = new ArrayList<>(fromPrecedent.getOrDefault(level2, List.of()));
            if (required && hadNone) {
                candidates.addAll(fromSimilarRows(level2, project, facts, similar.isEmpty()));
                candidates.addAll(fromGuidance(level2, project, facts, similar.isEmpty()));
                candidates.addAll(fromTemplates(level2, facts, similar.isEmpty()));
            }
            for (Candidate c : candidates) {
                if (missing == 0 || !required && !hadNone
                        || c.tier() > 0 && accepted.stream().anyMatch(r -> covers(r.level2(), level2))) {
                    break;
                }
                // Two precedents adapted to the same project figure are one indicator under two names.
                if (accepted.stream().anyMatch(r -> r.level2() == c.level2() && r.value().equals(c.value()))
                        || !names.add(c.name())) {
                    continue;
                }
                ProposedRow row = c.toRow();
                List<ProposedRow> trial = new ArrayList<>(accepted);
                trial.add(row);
                RowCheck check = check(project, trial);
                if (check.row(trial.size() - 1).stream().anyMatch(ProposalFinding::isError)) {
                    names.remove(c.name());
                    continue;
                }
                accepted.add(row);
                missing--;
            }
        }
        List<ProposedRow> result = withFindings(project, Adaptation.balance(accepted, rows.size(), facts), notices);
        for (Level2 level2 : REQUIRED) {
            if (result.stream().noneMatch(r -> covers(r.level2(), level2))) {
                notices.add("未能生成“" + level2.label() + "”：" + (level2 == Level2.COST && facts.fundsWanYuan() == null
                        ? "未提供项目资金，无法设定成本上限，请补充资金后重试。" : "相似项目、编报说明和通用模板均无合格指标，请手工填写。"));
            }
        }
        return result;
    }

    /** The checker's findings attached to each row; rows with an ERROR are dropped and reported. */
    List<ProposedRow> withFindings(ProjectBrief project, List<ProposedRow> rows, List<String> notices) {
        RowCheck check = check(project, rows);
        List<ProposedRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ProposedRow row = rows.get(i).withFindings(check.row(i));
            if (row.hasError()) {
                notices.add("已删除未通过检查的指标“" + row.name() + "：" + row.value() + "”（"
                        + row.findings().stream().filter(ProposalFinding::isError).map(ProposalFinding::message)
                                .findFirst().orElse("") + "）");
            } else {
                out.add(row);
            }
        }
        return out;
    }

    RowCheck check(ProjectBrief project, List<ProposedRow> rows) {
        return checker.check(project, rows.stream().map(ProposedRow::toIndicator).toList());
    }

    /** 成本 in either framework satisfies the 成本 requirement. */
    static boolean covers(Level2 have, Level2 wanted) {
        return have == wanted || wanted == Level2.COST && have == Level2.ECONOMIC_COST;
    }

    /** The user's own rows that pass the checker are kept as they are; the others are reported and replaced. */
    private List<ProposedRow> keepSoundExisting(ProjectBrief project, List<String> notices) {
        List<Indicator> existing = annualRows(project.indicators()).stream().filter(i -> i.level2() != null).toList();
        if (existing.isEmpty()) {
            return List.of();
        }
        RowCheck check = checker.check(project, existing);
        List<ProposedRow> kept = new ArrayList<>();
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
                kept.add(new ProposedRow(level1(row.level2()), row.level2(), row.name(), row.value(),
                        "沿用原有指标（检查未发现错误）。", List.of(), Origin.OFFLINE, findings));
            }
        }
        return kept;
    }

    private static List<Indicator> annualRows(List<Indicator> rows) {
        boolean hasAnnual = rows.stream().anyMatch(i -> i.scope() == Scope.ANNUAL);
        return rows.stream().filter(i -> !hasAnnual || i.scope() == Scope.ANNUAL).toList();
    }

    static Level1 level1(Level2 level2) {
        return level2 == Level2.SATISFACTION ? Level1.SATISFACTION : level2.parent();
    }

    /**
     * A row ready to be tried, with the tier it came from: 0 the most similar projects, 1 similar rows of other
     * projects, 2 filling instructions, 3 template.
     */
    private record Candidate(Level2 level2, String name, String value, String rationale, List<String> sources,
            int tier) {

        ProposedRow toRow() {
            return new ProposedRow(level1(level2), level2, name, value, rationale, sources, Origin.OFFLINE, List.of());
        }
    }

    private Map<Level2, List<Candidate>> precedent(ProjectBrief project, ProjectFacts facts,
            List<SimilarExample> similar) {
        Map<Level2, List<Candidate>> out = new EnumMap<>(Level2.class);
        for (SimilarExample ex : similar) {
            Declaration past = ex.declaration();
            List<Indicator> rows = annualRows(past.indicators());
            RowCheck pastCheck = checker.check(ProjectBrief.of(past, false), rows);
            for (int i = 0; i < rows.size(); i++) {
                if (pastCheck.row(i).stream().anyMatch(ProposalFinding::isError)) {
                    continue;
                }
                adapt(new Precedent(ex.declarationId(), past.projectName(), past.region(), past.year()), rows.get(i),
                        project, facts, 0, "参考相似项目《")
                        .ifPresent(c -> out.computeIfAbsent(c.level2(), l -> new ArrayList<>()).add(c));
            }
        }
        return out;
    }

    /** Where a past row comes from: cited by id, named in the rationale, its year shifted to the project's. */
    private record Precedent(String declarationId, String projectName, String region, Integer year) {
    }

    /** Rows of other past projects, worded like this one, for a category the most similar projects could not fill. */
    private List<Candidate> fromSimilarRows(Level2 level2, ProjectBrief project, ProjectFacts facts,
            boolean noSimilar) {
        List<Candidate> out = new ArrayList<>();
        for (SimilarRow similar : examples.similarRows(project.withoutIndicators(), level2, similarK)) {
            ProjectBrief context = new ProjectBrief(similar.projectName(), null, similar.region(), similar.year(), null,
                    null, null, null, List.of());
            if (checker.check(context, List.of(similar.row())).row(0).stream().anyMatch(ProposalFinding::isError)) {
                continue;
            }
            adapt(new Precedent(similar.declarationId(), similar.projectName(), similar.region(), similar.year()),
                    similar.row(), project, facts, 1, (noSimilar ? "未找到相似项目" : "相似项目中无合格的同类指标")
                            + "，参考措辞相近的历史指标：《").ifPresent(out::add);
        }
        return out;
    }

    private Optional<Candidate> adapt(Precedent past, Indicator row, ProjectBrief project, ProjectFacts facts,
            int tier, String lead) {
        Level2 level2 = row.level2() == Level2.ECONOMIC_COST ? Level2.COST : row.level2();
        if (level2 == null || row.value() == null) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        String name = Measurable.cleanName(row.name());
        if (name == null || name.isBlank()) {
            // The 2019 专项资金 forms have no 三级 name column: the value is the whole row.
            name = Adaptation.nameFromValue(level2, ValueParser.parse(row.value()));
            if (name == null) {
                return Optional.empty();
            }
            notes.add("原表无三级指标名称，按指标值拟定为“" + name + "”");
        }
        name = Adaptation.replaceDistrict(name, past.region(), project.region());
        String value = TextNormaliser.normalise(row.value()).strip();
        if (past.year() != null && project.year() != null && !past.year().equals(project.year())) {
            String shiftedName = Adaptation.shiftYears(name, project.year() - past.year());
            String shiftedValue = Adaptation.shiftYears(value, project.year() - past.year());
            if (!shiftedName.equals(name) || !shiftedValue.equals(value)) {
                notes.add("年份由" + past.year() + "年改为" + project.year() + "年");
            }
            name = shiftedName;
            value = shiftedValue;
        }
        value = Adaptation.adaptValue(level2, name, value, facts, notes);
        if (!Measurable.accepts(level2, name, value)) {
            return Optional.empty();
        }
        String rationale = lead + past.projectName() + "》（" + nullToEmpty(past.region())
                + (past.year() == null ? "" : past.year() + "年") + "）的同类指标“"
                + (row.name() == null || row.name().isBlank() ? "" : Measurable.cleanName(row.name()) + "：")
                + row.value().strip() + "”" + (notes.isEmpty() ? "。" : "；" + String.join("；", notes) + "。");
        return Optional.of(new Candidate(level2, name, value, rationale, List.of(past.declarationId()), tier));
    }

    private List<Candidate> fromGuidance(Level2 level2, ProjectBrief project, ProjectFacts facts, boolean noSimilar) {
        String text = project.text();
        List<Candidate> out = new ArrayList<>();
        for (GuidanceExample ex : examples.guidance(level2)) {
            // An example about kindergartens is no help to a medical-insurance project: require a shared word.
            if (!sharesWord(text, nullToEmpty(ex.topic()))) {
                continue;
            }
            String value = ex.annualValue() != null && !ex.annualValue().isBlank() ? ex.annualValue() : ex.periodValue();
            if (value == null) {
                continue;
            }
            value = TextNormaliser.normalise(value).strip();
            if (facts.year() != null) {
                value = Adaptation.setYears(value, facts.year());
            }
            List<String> notes = new ArrayList<>();
            value = Adaptation.adaptValue(level2, ex.name(), value, facts, notes);
            if (!Measurable.accepts(level2, ex.name(), value)) {
                continue;
            }
            out.add(new Candidate(level2, ex.name(), value, (noSimilar ? "未找到相似项目" : "相似项目中无合格的同类指标")
                    + "，参考编报说明示例“" + ex.name() + "：" + value + "”（" + nullToEmpty(ex.topic()) + "）"
                    + (notes.isEmpty() ? "。" : "；" + String.join("；", notes) + "。"), List.of(ex.id()), 2));
        }
        return out;
    }

    private List<Candidate> fromTemplates(Level2 level2, ProjectFacts facts, boolean noSimilar) {
        List<Candidate> out = new ArrayList<>();
        for (Templates.Template t : templates.forLevel2(level2)) {
            Templates.fill(t, facts).ifPresent(filled -> out.add(new Candidate(level2, filled[0], filled[1],
                    (noSimilar ? "未找到相似项目" : "相似项目中无合格的同类指标") + "，也无相关编报说明示例，使用通用模板；"
                            + "请按项目实际核定数值。", List.of(), 3)));
        }
        return out;
    }

    private static boolean sharesWord(String text, String other) {
        String a = TextNormaliser.squeeze(text);
        String b = TextNormaliser.squeeze(other);
        for (int i = 0; i + 2 <= b.length(); i++) {
            String bigram = b.substring(i, i + 2);
            if (Character.isIdeographic(bigram.codePointAt(0)) && Character.isIdeographic(bigram.codePointAt(1))
                    && bigram.chars().noneMatch(c -> GENERIC_CHARS.indexOf(c) >= 0) && a.contains(bigram)) {
                return true;
            }
        }
        return false;
    }

    /** Characters of the words every funding text has (资金, 补助, 项目经费…): sharing them says nothing. */
    private static final String GENERIC_CHARS = "资金补助项目经费年度指标完成标准数量支持发展工作";

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
