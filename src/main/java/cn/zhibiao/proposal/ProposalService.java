package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.CommandSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Proposes indicators for a project: through the language model when one is configured, completed and checked by the
 * offline proposer; offline alone otherwise, or whenever the model fails, with a notice saying why. The project is
 * echoed back in every answer, so a failure never costs the user what they typed.
 */
public final class ProposalService {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalService.class);

    private final ExampleSource examples;
    private final OfflineProposer offline;
    private final Optional<LlmProposer> llm;
    private final SectorLibrary library;
    private final int similarK;

    ProposalService(ExampleSource examples, OfflineProposer offline, Optional<LlmProposer> llm, SectorLibrary library,
            int similarK) {
        this.examples = examples;
        this.offline = offline;
        this.llm = llm;
        this.library = library;
        this.similarK = similarK;
    }

    /** The categories every proposal covers, as the filling instructions require. */
    public static List<Level2> requiredCategories() {
        return Ranking.REQUIRED;
    }

    /** Reads the prompt files when a model is configured, so that a missing prompt fails at start, not at use. */
    public static ProposalService create(ExampleSource examples, RowChecker checker, ProposalSettings settings,
            LlmSettings llmSettings) {
        return create(examples, checker, settings, Provider.create(llmSettings));
    }

    /** The same calling the model through {@code provider}, whose circuit breaker the caller may share. */
    public static ProposalService create(ExampleSource examples, RowChecker checker, ProposalSettings settings,
            Provider provider) {
        LlmSettings llmSettings = provider.settings();
        SectorLibrary library = SectorLibrary.load(checker, settings.sector());
        Optional<LlmProposer> llm = llmSettings.configured()
                ? Optional.of(LlmProposer.create(provider, Prompts.load(settings.promptsDir()), checker))
                : Optional.empty();
        if (llm.isPresent()) {
            LOG.info("指标建议使用大模型 {}", llmSettings.model());
        } else {
            LOG.info("未配置大模型（zhibiao.llm.base-url），指标建议由离线建议器生成");
        }
        return new ProposalService(examples, new OfflineProposer(examples, checker, library, settings), llm, library,
                settings.similarK());
    }

    /** The service for the command line, which runs without Spring: the same index, checker and settings. */
    public static ProposalService forCommands(CommandSettings settings) {
        return forCommands(settings, SimilarProjects.open(settings), RuleChecker.fromSettings(settings));
    }

    /** The same over an index and a checker the caller already holds (one index writer per index directory). */
    public static ProposalService forCommands(CommandSettings settings, SimilarProjects projects, RuleChecker checker) {
        return create(new RetrievalExampleSource(projects), new RuleRowChecker(checker), ProposalSettings.from(settings),
                LlmSettings.from(settings));
    }

    /** Blocking (retrieval, checking, the model call): run it off the event loop. */
    public Proposal propose(ProjectBrief project) {
        List<SimilarExample> similar = examples.similar(project.withoutIndicators(), similarK);
        if (llm.isEmpty()) {
            return offline.propose(project, similar, List.of("未配置大模型，使用离线建议"));
        }
        try {
            return withLlmRows(project, similar, llm.get().propose(context(project, similar)));
        } catch (LlmFailure failure) {
            LOG.warn("LLM proposal failed ({}, {}): {}", failure.kind(), failure.causeType(), failure.getMessage());
            return offline.propose(project, similar, List.of(failure.notice()));
        }
    }

    /** The same as events: progress notices, then each row, then the whole proposal. */
    public Flux<ProposalEvent> stream(ProjectBrief project) {
        return Mono.fromCallable(() -> examples.similar(project.withoutIndicators(), similarK))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(similar -> llm.isEmpty()
                        ? Mono.fromCallable(() -> offline.propose(project, similar, List.of("未配置大模型，使用离线建议")))
                                .subscribeOn(Schedulers.boundedElastic()).flatMapMany(ProposalService::events)
                        : streamWithLlm(project, similar, llm.get()))
                .onErrorResume(e -> {
                    LOG.error("Proposal failed", e);
                    return Flux.just(new ProposalEvent.Failed("生成建议时出错，请稍后重试（已保留您填写的项目信息）", project));
                });
    }

    private Flux<ProposalEvent> streamWithLlm(ProjectBrief project, List<SimilarExample> similar, LlmProposer model) {
        Sinks.Many<ProposalEvent> live = Sinks.many().unicast().onBackpressureBuffer();
        List<ProposedRow> shown = new CopyOnWriteArrayList<>();
        live.tryEmitNext(new ProposalEvent.Notice("正在请求大模型（" + model.model() + "）…"));
        Mono<Proposal> proposal = Mono.fromCallable(() -> context(project, similar))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(context -> model.proposeStreaming(context,
                        message -> live.tryEmitNext(new ProposalEvent.Notice(message)),
                        row -> {
                            shown.add(row);
                            live.tryEmitNext(new ProposalEvent.Row(row));
                        }))
                .publishOn(Schedulers.boundedElastic())
                .map(result -> withLlmRows(project, similar, result))
                .onErrorResume(LlmFailure.class, failure -> {
                    LOG.warn("LLM proposal failed ({}, {}): {}", failure.kind(), failure.causeType(),
                            failure.getMessage());
                    return Mono.fromCallable(() -> shown.isEmpty()
                            ? offline.propose(project, similar, List.of(failure.notice()))
                            : keepShownRows(project, similar, List.copyOf(shown), failure, model))
                            .subscribeOn(Schedulers.boundedElastic());
                })
                .doFinally(signal -> live.tryEmitComplete());
        return Flux.merge(live.asFlux(), proposal.flatMapMany(p -> events(p, shown)));
    }

    /** Rows already on the user's screen when the model failed stay there; the offline proposer completes them. */
    private Proposal keepShownRows(ProjectBrief project, List<SimilarExample> similar, List<ProposedRow> shown,
            LlmFailure failure, LlmProposer model) {
        List<String> notices = new ArrayList<>();
        notices.add(failure.getMessage() + "，已保留大模型已生成的" + shown.size() + "条指标，其余改用离线建议");
        List<ProposedRow> rows = offline.complete(project, shown, similar, notices);
        return OfflineProposer.proposal(project, rows, notices, true, model.model(), model.promptHash());
    }

    /** Notices, the rows not yet shown, then the whole proposal; a shown row the final check dropped is named. */
    private static Flux<ProposalEvent> events(Proposal proposal, List<ProposedRow> shown) {
        List<ProposalEvent> events = new ArrayList<>();
        proposal.notices().forEach(n -> events.add(new ProposalEvent.Notice(n)));
        for (ProposedRow row : shown) {
            if (proposal.rows().stream().noneMatch(r -> sameRow(r, row))) {
                events.add(new ProposalEvent.Notice("已撤回指标“" + row.name() + "：" + row.value() + "”（与其他指标一并检查未通过）"));
            }
        }
        proposal.rows().stream().filter(r -> shown.stream().noneMatch(s -> sameRow(s, r)))
                .forEach(r -> events.add(new ProposalEvent.Row(r)));
        events.add(new ProposalEvent.Done(proposal));
        return Flux.fromIterable(events);
    }

    private static boolean sameRow(ProposedRow a, ProposedRow b) {
        return a.level2() == b.level2() && a.name().equals(b.name()) && a.value().equals(b.value());
    }

    private static Flux<ProposalEvent> events(Proposal proposal) {
        return events(proposal, List.of());
    }

    private Proposal withLlmRows(ProjectBrief project, List<SimilarExample> similar, LlmProposer.Result result) {
        LlmProposer model = llm.orElseThrow();
        List<String> notices = new ArrayList<>(result.notices());
        int before = notices.size();
        List<ProposedRow> rows = offline.complete(project, result.rows(), similar, notices);
        if (rows.stream().anyMatch(r -> r.origin() != Origin.LLM && !r.rationale().startsWith(Candidates.FROM_BRIEF))) {
            notices.add(before, "大模型建议未覆盖全部必填类别，已用离线建议补充");
        }
        return OfflineProposer.proposal(project, rows, notices, true, model.model(), model.promptHash());
    }

    /** What the model is shown: the brief's facts, the sector's library entries and same-sector precedents only. */
    private ModelContext context(ProjectBrief project, List<SimilarExample> similar) {
        SectorGuess sector = library.detect(project);
        List<GuidanceExample> guidance = new ArrayList<>();
        for (Level2 level2 : Ranking.REQUIRED) {
            guidance.addAll(examples.guidance(level2));
        }
        return new ModelContext(project, FactExtractor.extract(project), sector, library.entries(sector.sector()),
                offline.precedents(project, sector, similar), guidance);
    }
}
