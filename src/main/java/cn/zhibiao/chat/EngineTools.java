package cn.zhibiao.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhibiao.corpus.InstructionDefinition;
import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.corpus.Instructions;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.retrieval.ProjectQuery;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.rules.RuleView;
import cn.zhibiao.rules.Severity;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;

/** The chat tools over the real engine: proposal service, rule checker, similar-project search, filling instructions. */
public final class EngineTools implements ChatTools {

    private final ProposalService proposals;
    private final RuleChecker checker;
    private final SimilarProjects projects;
    private final Instructions instructions;

    public EngineTools(ProposalService proposals, RuleChecker checker, SimilarProjects projects,
            Instructions instructions) {
        this.proposals = proposals;
        this.checker = checker;
        this.projects = projects;
        this.instructions = instructions;
    }

    /** The tools for the command line, which runs without Spring: one index, one checker, the same settings. */
    public static EngineTools forCommands(CommandSettings settings) {
        SimilarProjects projects = SimilarProjects.open(settings);
        RuleChecker checker = RuleChecker.fromSettings(settings);
        return new EngineTools(ProposalService.forCommands(settings, projects, checker), checker, projects,
                instructions(Path.of(settings.get("zhibiao.corpus.dir"))));
    }

    /** The filling instructions shipped in the corpus ({@code instructions/instructions.json}); none if absent. */
    public static Instructions instructions(Path corpusDir) {
        Path file = corpusDir.resolve("instructions").resolve("instructions.json");
        if (!Files.isRegularFile(file)) {
            return new Instructions(List.of(), List.of());
        }
        try {
            return Json.mapper().readValue(Files.readString(file), Instructions.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("编报说明文件 " + file + " 不是有效的 JSON：" + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取编报说明文件 " + file, e);
        }
    }

    @Override
    public List<ProposedRow> propose(ProjectBrief project) {
        return proposals.propose(project).rows();
    }

    @Override
    public List<Finding> check(Declaration draft) {
        return checker.check(draft.withParsedValues());
    }

    @Override
    public Optional<RuleView> rule(String ruleId) {
        return checker.catalog().rule(ruleId);
    }

    @Override
    public List<Precedent> similar(Declaration draft, String query, int k) {
        ProjectQuery q = query != null ? ProjectQuery.text(query)
                : new ProjectQuery(draft.projectName(), draft.overview(), draft.department(), draft.region(),
                        draft.year(), draft.fundsWanYuan());
        try {
            return projects.search(q, k + 1).hits().stream()
                    .filter(h -> !h.declarationId().equals(draft.id()))
                    .limit(k)
                    .map(h -> new Precedent(h.declarationId(), h.similarity(), h.declaration()))
                    .toList();
        } catch (IllegalArgumentException e) {
            // A draft with neither name nor overview has nothing to search for.
            return List.of();
        }
    }

    @Override
    public List<PrecedentRow> compliantRows(Declaration draft, Level2 level2, int k) {
        List<PrecedentRow> out = new ArrayList<>();
        for (Precedent p : similar(draft, null, k)) {
            List<Indicator> rows = p.declaration().indicators();
            List<Finding> findings = check(p.declaration());
            for (int i = 0; i < rows.size() && out.size() < k; i++) {
                int index = i;
                Indicator row = rows.get(i);
                boolean clean = findings.stream().noneMatch(f -> Integer.valueOf(index).equals(f.indicatorIndex())
                        && Set.of(Severity.ERROR, Severity.WARNING).contains(f.severity()));
                if (row.level2() == level2 && row.scope() != Scope.PERIOD && clean) {
                    out.add(new PrecedentRow(p, row));
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public List<InstructionDefinition> definitions(String term) {
        List<InstructionDefinition> exact = distinct(instructions.definitions().stream()
                .filter(d -> term.equals(d.term())).toList());
        return exact.isEmpty() ? distinct(instructions.definitions().stream()
                .filter(d -> d.definition() != null && d.definition().contains(term)).toList()) : exact;
    }

    @Override
    public Optional<Declaration> declaration(String id) {
        return projects.declaration(id);
    }

    @Override
    public Optional<InstructionExample> instructionExample(String id) {
        return instructions.examples().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Several instruction files repeat a definition word for word; one is enough. */
    private static List<InstructionDefinition> distinct(List<InstructionDefinition> definitions) {
        List<InstructionDefinition> out = new ArrayList<>();
        for (InstructionDefinition d : definitions) {
            if (out.stream().noneMatch(o -> o.term().equals(d.term()) && o.definition().equals(d.definition()))) {
                out.add(d);
            }
        }
        return out;
    }
}
