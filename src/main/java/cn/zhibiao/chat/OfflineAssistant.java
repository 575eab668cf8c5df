package cn.zhibiao.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.zhibiao.corpus.InstructionDefinition;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.proposal.Origin;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.RuleView;
import cn.zhibiao.rules.Severity;
import reactor.core.publisher.Flux;

/**
 * The assistant without a language model: understands a message by the phrasing grammar, says what it understood
 * and that no model is configured, and answers from the engine — proposals, the rule checker, similar projects, the
 * filling instructions. Edits are proposed as changes carrying their checker findings; a number the draft does not
 * state is asked for, never invented, and the answer in the next message is used.
 */
public final class OfflineAssistant implements Assistant {

    private static final String OFFLINE = "（未配置大模型，由离线助手按固定句式理解，并用规则检查、相似项目和编报说明作答。）";

    private final Grammar grammar;
    private final Interpreter interpreter;
    private final ChatTools tools;
    private final ChatSettings settings;

    public OfflineAssistant(ChatTools tools, ChatSettings settings) {
        this.grammar = Grammar.load();
        this.interpreter = new Interpreter(grammar);
        this.tools = tools;
        this.settings = settings;
    }

    @Override
    public Flux<ChatEvent> turn(Declaration draft, List<ChatTurn> history, String message) {
        return Turns.blocking(sink -> new Turn(draft.withParsedValues(), history, message == null ? ""
                : message.strip(), sink::next).run());
    }

    /** One turn's state: what was understood, the facts the conversation has supplied, what has been emitted. */
    private final class Turn {

        private final Declaration draft;
        private final List<ChatTurn> history;
        private final String message;
        private final Consumer<ChatEvent> out;
        private final Set<String> cited = new HashSet<>();
        private final Map<String, String> facts = new LinkedHashMap<>();
        private boolean answeredWithoutFacts;
        private int changes;
        private int questions;

        Turn(Declaration draft, List<ChatTurn> history, String message, Consumer<ChatEvent> out) {
            this.draft = draft;
            this.history = history;
            this.message = message;
            this.out = out;
        }

        void run() {
            Understanding understood = interpreter.understand(message, draft.indicators());
            collectAnsweredFacts();
            List<ChatEvent.Question> pending = lastQuestions();
            Map<String, String> stated = Map.of();
            boolean resumed = !pending.isEmpty() && understood.intent() == Intent.UNKNOWN;
            if (resumed) {
                // The message answers the questions of the previous turn: resume the request they interrupted.
                stated = statedIn(message);
                facts.putAll(stated);
                answeredWithoutFacts = stated.isEmpty();
                understood = new Understanding(pending.getFirst().intent(), pending.getFirst().args());
            }
            out.accept(new ChatEvent.Understood(understood.intent(), understood.args()));
            String answer = !resumed ? ""
                    : stated.isEmpty() ? "没有从您的回复中读出所需的数字，以下建议中相应的值为占位，请核实后修改。"
                    : "收到：" + String.join("，", stated.values()) + "。";
            token(answer + "我的理解：" + describe(understood) + "。" + OFFLINE);
            IntentArgs args = understood.args();
            switch (understood.intent()) {
                case PROPOSE -> propose(args);
                case REVISE -> revise(args);
                case EXPLAIN_FLAG -> explain(args);
                case SIMILAR -> similar(args);
                case CHECK -> check();
                case DEFINE_TERM -> define(args);
                case UNDO -> undo();
                case UNKNOWN -> token("目前我能处理这些请求：\n" + grammar.help().stream().map(h -> "- " + h)
                        .collect(Collectors.joining("\n")));
            }
            out.accept(new ChatEvent.Done(understood.intent(), changes, questions));
        }

        private void propose(IntentArgs args) {
            Level2 asked = Level2.fromLabel(args.level2());
            List<Level2> wanted = asked != null ? List.of(asked) : ProposalService.requiredCategories().stream()
                    .filter(l -> draft.indicators().stream().noneMatch(i -> i.level2() == l)).toList();
            if (wanted.isEmpty()) {
                token("草稿已包含全部必填类别的指标。如需更多，可以指明类别，例如“补充两个质量指标”。");
                return;
            }
            ProjectBrief brief = briefWithFacts();
            String projectText = interpreter.normalise(String.join("\n", nonNull(brief.projectName(),
                    brief.overview(), brief.annualGoal(), brief.periodGoal())));
            List<Grammar.Fact> missing = grammar.facts().stream()
                    .filter(f -> wanted.stream().anyMatch(f.categories()::contains))
                    .filter(f -> f.in(projectText).isEmpty())
                    .toList();
            if (!missing.isEmpty() && !answeredWithoutFacts) {
                token("提出这些指标需要项目草稿中没有的数字，我不会替您编造：");
                for (Grammar.Fact fact : missing) {
                    out.accept(new ChatEvent.Question(newId("q"), fact.name(), fact.question(), Intent.PROPOSE, args));
                    questions++;
                }
                return;
            }
            Set<String> existingNames = draft.indicators().stream().map(Indicator::name).collect(Collectors.toSet());
            List<ProposedRow> rows = new ArrayList<>(tools.propose(brief).stream()
                    .filter(r -> wanted.contains(r.level2()) && !existingNames.contains(r.name())).toList());
            if (args.count() != null && rows.size() > args.count()) {
                rows = rows.subList(0, args.count());
            }
            if (rows.isEmpty()) {
                token("相似项目、编报说明和通用模板中都没有找到能通过检查的" + labels(wanted) + "，请手工填写。");
                return;
            }
            Declaration running = draft;
            for (ProposedRow row : rows) {
                int at = insertionPoint(running, row);
                String rationale = row.rationale() + placeholderNote(row.level2(), missing);
                ChatEvent.Change change = new ChatEvent.Change(newId("c"), ChatEvent.Op.ADD, at,
                        new ChatEvent.ChangeRow(row.level1().label(), row.level2().label(), row.name(), row.value()),
                        rationale, row.sources(), List.of(), null);
                running = Changes.apply(running, change);
                change = withFindings(change, running);
                citeAll(row.sources());
                emit(change);
            }
            String shortfall = args.count() != null && rows.size() < args.count()
                    ? "只找到" + rows.size() + "条能通过检查的" + labels(wanted) + "（您要的是" + args.count() + "条）。" : "";
            // A generic template passes the checker because it is well formed, not because it fits this project.
            long templates = rows.stream().filter(r -> r.origin() == Origin.TEMPLATE).count();
            token(shortfall + "以上" + rows.size() + "条建议都已经过规则检查" + (templates == 0 ? ""
                    : "，其中" + templates + "条来自通用模板（卡片上标为“通用模板”），只是格式合规、未经本项目核实，请按项目实际修改")
                    + "，接受后才会写入草稿。");
        }

        private void revise(IntentArgs args) {
            Optional<Integer> index = rowIndex(args);
            if (index.isEmpty()) {
                return;
            }
            if (args.value() == null) {
                token("请说明新的指标值，例如“把第" + (index.get() + 1) + "行改成≥98%”。");
                return;
            }
            Indicator row = draft.indicators().get(index.get());
            ChatEvent.ChangeRow old = Changes.row(row);
            ChatEvent.Change change = new ChatEvent.Change(newId("c"), ChatEvent.Op.UPDATE, index.get(),
                    new ChatEvent.ChangeRow(old.level1(), old.level2(), old.name(), args.value()),
                    "按您的要求，将“" + row.name() + "”的指标值由“" + row.value() + "”改为“" + args.value() + "”。",
                    List.of(), List.of(), row);
            change = withFindings(change, Changes.apply(draft, change));
            emit(change);
            token(change.findings().isEmpty() ? "修改后检查未发现问题，接受后写入草稿。"
                    : "修改后检查仍提示：" + change.findings().stream().map(f -> f.message() + "（" + f.severity().label() + "）")
                            .collect(Collectors.joining("；")) + "。您仍可接受，或换一个更具体的值。");
        }

        private void explain(IntentArgs args) {
            Optional<Integer> index = rowIndex(args);
            if (index.isEmpty()) {
                return;
            }
            Indicator row = draft.indicators().get(index.get());
            List<Finding> findings = tools.check(draft).stream()
                    .filter(f -> index.get().equals(f.indicatorIndex())).toList();
            String quoted = "第" + (index.get() + 1) + "行“" + row.name() + "：" + row.value() + "”";
            if (findings.isEmpty()) {
                token(quoted + "检查未发现问题。");
                return;
            }
            StringBuilder text = new StringBuilder(quoted + "被标记：");
            for (Finding f : findings) {
                Optional<RuleView> rule = tools.rule(f.ruleId());
                out.accept(flag(f, rule));
                text.append("\n- ").append(f.message()).append("（").append(f.severity().label());
                rule.map(RuleView::title).ifPresent(title -> text.append("；规则：").append(title));
                text.append("）");
                if (f.why() != null) {
                    text.append("\n  原因：").append(f.why());
                }
                if (f.suggestion() != null) {
                    text.append("\n  改法：").append(f.suggestion());
                }
                rule.filter(r -> !r.basis().isEmpty())
                        .ifPresent(r -> text.append("\n  依据：").append(String.join("；", r.basis())));
            }
            token(text.toString());
            if (row.level2() != null) {
                List<PrecedentRow> examples = tools.compliantRows(draft, row.level2(), settings.examples());
                if (examples.isEmpty()) {
                    token("相似项目中没有找到通过检查的" + row.level2().label() + "可供参考。");
                    return;
                }
                token("相似项目中通过检查的" + row.level2().label() + "写法：\n" + examples.stream()
                        .map(e -> "- " + (e.row().name() == null ? "" : e.row().name() + "：") + e.row().value()
                                + "（" + e.from().title() + "）")
                        .collect(Collectors.joining("\n")));
                examples.forEach(e -> cite(e.from()));
            }
        }

        private void similar(IntentArgs args) {
            List<Precedent> found = tools.similar(draft, args.query(), settings.similarK());
            if (found.isEmpty()) {
                token("没有找到足够相似的历史项目。");
                return;
            }
            Level2 level2 = Level2.fromLabel(args.level2());
            StringBuilder text = new StringBuilder("找到" + found.size() + "个相似的历史项目：");
            for (int i = 0; i < found.size(); i++) {
                Precedent p = found.get(i);
                text.append("\n").append(i + 1).append(". ").append(p.title())
                        .append(String.format("，相似度 %.2f", p.similarity()));
                if (level2 != null) {
                    p.declaration().indicators().stream().filter(r -> r.level2() == level2)
                            .forEach(r -> text.append("\n   · ").append(r.name() == null ? "" : r.name() + "：")
                                    .append(r.value()));
                }
            }
            token(text.toString());
            found.forEach(this::cite);
        }

        private void check() {
            List<Finding> findings = tools.check(draft);
            if (findings.isEmpty()) {
                token("检查完成，未发现问题。");
                return;
            }
            Map<Severity, Long> counts = findings.stream()
                    .collect(Collectors.groupingBy(Finding::severity, LinkedHashMap::new, Collectors.counting()));
            findings.forEach(f -> out.accept(flag(f, tools.rule(f.ruleId()))));
            token("检查完成：" + counts.getOrDefault(Severity.ERROR, 0L) + "个错误，"
                    + counts.getOrDefault(Severity.WARNING, 0L) + "个警告，" + counts.getOrDefault(Severity.INFO, 0L)
                    + "个提示。\n" + findings.stream()
                            .map(f -> "- " + (f.indicatorIndex() == null ? "整张申报" : "第" + (f.indicatorIndex() + 1) + "行")
                                    + "：" + f.message())
                            .collect(Collectors.joining("\n"))
                    + "\n可以问“第N行为什么被标记”了解原因、依据和相似项目的合格写法。");
        }

        private void define(IntentArgs args) {
            if (args.term() == null) {
                token("请说明要解释的术语，例如“什么是可持续影响指标？”");
                return;
            }
            List<InstructionDefinition> definitions = tools.definitions(args.term());
            if (definitions.isEmpty()) {
                token("编报说明中没有“" + args.term() + "”的定义。");
                return;
            }
            boolean exact = definitions.getFirst().term().equals(args.term());
            token((exact ? "编报说明中的定义：" : "编报说明没有单独定义“" + args.term() + "”，以下条目提到了它：")
                    + definitions.stream().map(d -> "\n- " + d.term() + "：" + d.definition())
                            .collect(Collectors.joining()));
            for (InstructionDefinition d : definitions) {
                if (cited.add(d.id())) {
                    out.accept(new ChatEvent.Source(d.id(), "INSTRUCTION", d.source(), null, null, null,
                            "编报说明（" + d.source() + "）：" + d.term()));
                }
            }
        }

        private void undo() {
            Optional<ChatEvent.Change> last = lastAccepted();
            if (last.isEmpty()) {
                token("这次对话中还没有接受过的修改，无需撤销。");
                return;
            }
            ChatEvent.Change inverse;
            Declaration undone;
            try {
                inverse = Changes.inverse(draft, last.get(), newId("c"));
                undone = Changes.apply(draft, inverse);
            } catch (Changes.ConflictException e) {
                token(e.getMessage());
                return;
            }
            emit(withFindings(inverse, undone));
            token("接受这条修改即可撤销上一次接受的修改。");
        }

        /** The row the request names, after telling the user why there is none. */
        private Optional<Integer> rowIndex(IntentArgs args) {
            int size = draft.indicators().size();
            if (args.indicatorIndex() == null) {
                token(args.level2() != null ? "草稿中没有" + args.level2() + "。可以说“补充" + args.level2() + "”。"
                        : "请说明是哪一行，例如“第2行”或“满意度那一行”。");
                return Optional.empty();
            }
            if (args.indicatorIndex() < 0 || args.indicatorIndex() >= size) {
                token("草稿共有" + size + "行指标，没有第" + (args.indicatorIndex() + 1) + "行。");
                return Optional.empty();
            }
            return Optional.of(args.indicatorIndex());
        }

        /** Facts the user gave in answer to earlier questions of this conversation. */
        private void collectAnsweredFacts() {
            for (int i = 0; i + 1 < history.size(); i++) {
                if (history.get(i).events().stream().anyMatch(ChatEvent.Question.class::isInstance)) {
                    facts.putAll(statedIn(history.get(i + 1).message()));
                }
            }
        }

        private List<ChatEvent.Question> lastQuestions() {
            return history.isEmpty() ? List.of() : history.getLast().events().stream()
                    .filter(ChatEvent.Question.class::isInstance).map(ChatEvent.Question.class::cast).toList();
        }

        private Map<String, String> statedIn(String text) {
            String normalised = interpreter.normalise(text);
            Map<String, String> stated = new LinkedHashMap<>();
            grammar.facts().forEach(f -> f.in(normalised).ifPresent(v -> stated.put(f.name(), v)));
            return stated;
        }

        /** The draft's project with the facts the user stated in the conversation added to its overview. */
        private ProjectBrief briefWithFacts() {
            ProjectBrief brief = ProjectBrief.of(draft, false);
            if (facts.isEmpty()) {
                return brief;
            }
            String overview = (brief.overview() == null ? "" : brief.overview() + "\n") + "（对话中补充）"
                    + String.join("；", facts.values());
            return new ProjectBrief(brief.projectName(), brief.department(), brief.region(), brief.year(),
                    brief.fundsWanYuan(), overview, brief.annualGoal(), brief.periodGoal(), List.of());
        }

        private String placeholderNote(Level2 level2, List<Grammar.Fact> missing) {
            return answeredWithoutFacts && missing.stream().anyMatch(f -> f.categories().contains(level2))
                    ? "（项目未提供所需数字，此值沿用参考来源，仅为占位，请按实际核定。）" : "";
        }

        private Optional<ChatEvent.Change> lastAccepted() {
            for (int t = history.size() - 1; t >= 0; t--) {
                List<String> accepted = history.get(t).acceptedChangeIds();
                for (int a = accepted.size() - 1; a >= 0; a--) {
                    String id = accepted.get(a);
                    Optional<ChatEvent.Change> change = history.stream().flatMap(h -> h.events().stream())
                            .filter(ChatEvent.Change.class::isInstance).map(ChatEvent.Change.class::cast)
                            .filter(c -> c.id().equals(id)).findFirst();
                    if (change.isPresent()) {
                        return change;
                    }
                }
            }
            return Optional.empty();
        }

        private ChatEvent.Change withFindings(ChatEvent.Change change, Declaration applied) {
            List<Finding> findings = change.op() == ChatEvent.Op.REMOVE ? List.of() : tools.check(applied).stream()
                    .filter(f -> change.indicatorIndex().equals(f.indicatorIndex())).toList();
            return new ChatEvent.Change(change.id(), change.op(), change.indicatorIndex(), change.row(),
                    change.rationale(), change.sources(), findings, change.previous());
        }

        private void emit(ChatEvent.Change change) {
            out.accept(change);
            changes++;
        }

        private void citeAll(List<String> ids) {
            for (String id : ids) {
                if (!cited.add(id)) {
                    continue;
                }
                // Looked up by id: searching the draft's similar projects a second time only to name them was a
                // third of a proposal turn's CPU time.
                Optional<Declaration> past = tools.declaration(id);
                if (past.isPresent()) {
                    out.accept(Sources.of(id, past.get()));
                    continue;
                }
                tools.instructionExample(id).ifPresentOrElse(
                        e -> out.accept(new ChatEvent.Source(e.id(), "INSTRUCTION", e.source(), e.topic(), null, null,
                                "编报说明示例：" + e.topic())),
                        () -> out.accept(new ChatEvent.Source(id, "DECLARATION", null, null, null, null, id)));
            }
        }

        private void cite(Precedent p) {
            if (cited.add(p.id())) {
                out.accept(Sources.of(p));
            }
        }

        private void token(String text) {
            out.accept(new ChatEvent.Token(text));
        }

        private String describe(Understanding u) {
            IntentArgs a = u.args();
            String row = a.indicatorIndex() == null ? a.level2() == null ? "" : a.level2()
                    : "第" + (a.indicatorIndex() + 1) + "行" + (a.level2() == null ? "" : "（" + a.level2() + "）");
            return switch (u.intent()) {
                case PROPOSE -> "为草稿补充" + (a.count() == null ? "" : a.count() + "条")
                        + (a.level2() == null ? "缺少的必填类别指标" : a.level2());
                case REVISE -> "修改" + (row.isEmpty() ? "某一行" : row) + "的指标值"
                        + (a.value() == null ? "" : "为“" + a.value() + "”");
                case EXPLAIN_FLAG -> "解释" + (row.isEmpty() ? "某一行" : row) + "被标记的原因";
                case SIMILAR -> "查找" + (a.query() == null ? "与本项目" : "与“" + a.query() + "”") + "相似的历史项目"
                        + (a.level2() == null ? "" : "，并列出其中的" + a.level2());
                case CHECK -> "检查整张草稿";
                case DEFINE_TERM -> "解释“" + (a.term() == null ? "" : a.term()) + "”的含义";
                case UNDO -> "撤销上一次接受的修改";
                case UNKNOWN -> "没有理解“" + message + "”";
            };
        }
    }

    static ChatEvent.Flag flag(Finding f, Optional<RuleView> rule) {
        return new ChatEvent.Flag(f.ruleId(), rule.map(RuleView::title).orElse(null), f.severity().name(),
                f.indicatorIndex(), f.level2(), f.name(), f.value(), f.span(), f.message(), f.suggestion(), f.why(),
                rule.map(RuleView::basis).orElse(List.of()));
    }

    /** Where a new row goes: after the last row of its category, else of its level-1 group, else at the end. */
    static int insertionPoint(Declaration draft, ProposedRow row) {
        List<Indicator> rows = draft.indicators();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).level2() == row.level2()) {
                return i + 1;
            }
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).level1() == row.level1()) {
                return i + 1;
            }
        }
        return rows.size();
    }

    private static String labels(List<Level2> levels) {
        return levels.stream().map(Level2::label).collect(Collectors.joining("、"));
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
