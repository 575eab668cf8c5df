package cn.zhibiao.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.zhibiao.corpus.InstructionDefinition;
import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleView;
import cn.zhibiao.system.Json;

/** The real engine, with every call and its arguments written down, to compare what two conversations asked of it. */
final class RecordingTools implements ChatTools {

    private final ChatTools engine;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    RecordingTools(ChatTools engine) {
        this.engine = engine;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    private void record(String method, Object... args) {
        calls.add(method + Json.mapper().writeValueAsString(args));
    }

    @Override
    public List<ProposedRow> propose(ProjectBrief project) {
        record("propose", project);
        return engine.propose(project);
    }

    @Override
    public List<Finding> check(Declaration draft) {
        record("check", draft.indicators());
        return engine.check(draft);
    }

    @Override
    public Optional<RuleView> rule(String ruleId) {
        record("rule", ruleId);
        return engine.rule(ruleId);
    }

    @Override
    public List<Precedent> similar(Declaration draft, String query, int k) {
        record("similar", query, k);
        return engine.similar(draft, query, k);
    }

    @Override
    public List<PrecedentRow> compliantRows(Declaration draft, Level2 level2, int k) {
        record("compliantRows", level2, k);
        return engine.compliantRows(draft, level2, k);
    }

    @Override
    public List<InstructionDefinition> definitions(String term) {
        record("definitions", term);
        return engine.definitions(term);
    }

    @Override
    public Optional<InstructionExample> instructionExample(String id) {
        record("instructionExample", id);
        return engine.instructionExample(id);
    }

    @Override
    public Optional<Declaration> declaration(String id) {
        record("declaration", id);
        return engine.declaration(id);
    }
}
