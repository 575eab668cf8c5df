package cn.zhibiao.proposal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static cn.zhibiao.proposal.OpenAiShapes.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.Json;

/** The language-model path against WireMock speaking the OpenAI-compatible protocol; never the internet. */
class LlmProposalTest {

    static final String KEY = "sk-test-4f9a1c";
    static final String PATH = "/v1/chat/completions";

    static final ProjectBrief PROJECT = new ProjectBrief("城乡居民医疗保险区级财政补助资金", "雁峰区医疗保障局",
            "湖南省衡阳市雁峰区", 2024, new BigDecimal("600"), "城乡居民医疗保险区级财政补助，每人每年60元",
            "确保全区100000人参保，参保率稳定在95%以上", null, List.of());

    WireMockServer provider;
    CorpusExamples corpus;
    String similarId;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        corpus = CorpusExamples.load();
        similarId = corpus.similar(PROJECT, 5).getFirst().declarationId();
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    ProposalService service(Duration timeout) {
        LlmSettings llm = new LlmSettings(provider.baseUrl() + "/v1", "deepseek-chat", KEY, timeout, 2,
                Duration.ofMillis(10), 0.2);
        return ProposalService.create(corpus, new RuleRowChecker(RuleChecker.defaults()), TestProposals.settings(Path.of("prompts")), llm);
    }

    ProposalService service() {
        return service(Duration.ofSeconds(5));
    }

    String goodRows(String... extraSources) {
        return OpenAiShapes.rows(
                row("产出指标", "数量指标", "城乡居民医保参保人数", "100000人", "取自年度绩效目标。", similarId),
                row("产出指标", "质量指标", "基本医疗保险参保率", "≥95%", "取自年度绩效目标。", similarId),
                row("产出指标", "时效指标", "区级补助资金拨付完成时间", "2024年12月31日前", "年度内拨付。"),
                row("产出指标", "成本指标", "区级财政补助标准", "≤60元/人", "项目概况：每人每年60元。", extraSources),
                row("效益指标", "社会效益指标", "政策范围内住院费用报销比例", "≥70%", "参考相似项目。", similarId),
                row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥95%", "参考相似项目。", similarId));
    }

    void answer(String body) {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(body)));
    }

    @Test
    void usesTheModelsRowsWhenTheyPassTheChecker() {
        answer(OpenAiShapes.completion(goodRows(), null));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.llmUsed()).isTrue();
        assertThat(proposal.model()).isEqualTo("deepseek-chat");
        assertThat(proposal.promptHash()).isEqualTo(Prompts.load(Path.of("prompts")).proposeHash()).hasSize(64);
        // ≥70% is neither in the brief nor in the cited project: passed by the checker, but marked unsupported.
        assertThat(proposal.rows()).filteredOn(r -> r.origin() == Origin.LLM).hasSize(6)
                .allMatch(r -> r.findings().isEmpty() == !r.value().equals("≥70%"));
        assertThat(proposal.rows()).extracting(ProposedRow::value).contains("100000人", "≤60元/人");
        assertThat(proposal.project()).isEqualTo(PROJECT);
    }

    @Test
    void sendsModelJsonModeKeyAndTheRetrievedExamples() {
        answer(OpenAiShapes.completion(goodRows(), null));

        service().propose(PROJECT);

        provider.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-chat")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("[" + similarId + "]")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("102300人")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("COST_NOT_MONETARY")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("项目资金：600万元"))));
    }

    @Test
    void showsTheModelTheBriefsFactsAndOnlyPrecedentsOfItsOwnSector() {
        answer(OpenAiShapes.completion(goodRows(), null));
        SectorLibrary library = TestProposals.library();
        String sector = library.detect(PROJECT).sector();
        List<SimilarExample> similar = corpus.similar(PROJECT, 5);
        List<String> otherSector = similar.stream()
                .filter(s -> !library.detect(ProjectBrief.of(s.declaration(), false)).sector().equals(sector))
                .map(SimilarExample::declarationId).toList();

        service().propose(PROJECT);

        String prompt = Json.mapper().readTree(provider.findAll(postRequestedFor(urlEqualTo(PATH))).getFirst()
                .getBodyAsString()).path("messages").get(1).path("content").asString();
        assertThat(otherSector).as("the retrieval offers projects of another sector").isNotEmpty();
        assertThat(prompt).contains("数量指标 | 参保人数 | 100000人", "成本指标 | 每人每年补助标准 | 60元/人/年",
                "成本指标 | 项目总成本 | ≤600万元", "“" + sector + "”类指标库");
        assertThat(otherSector).allMatch(id -> !prompt.contains("[" + id + "]"));
        assertThat(similar).filteredOn(s -> !otherSector.contains(s.declarationId()))
                .anyMatch(s -> prompt.contains("[" + s.declarationId() + "]"));
    }

    @Test
    void marksAModelRowWithAnInventedNumberAsUnsupported() {
        answer(OpenAiShapes.completion(OpenAiShapes.rows(
                row("产出指标", "数量指标", "城乡居民医保参保人数", "100000人", "取自年度绩效目标。"),
                row("效益指标", "社会效益指标", "政策范围内住院费用报销比例", "≥73%", "估计。")), null));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.rows()).filteredOn(r -> r.value().equals("≥73%")).singleElement()
                .satisfies(r -> assertThat(r.findings()).extracting(ProposalFinding::ruleId)
                        .contains(NumberSupport.UNSUPPORTED));
        assertThat(proposal.rows()).filteredOn(r -> r.value().equals("100000人")).singleElement()
                .satisfies(r -> assertThat(r.findings()).isEmpty());
    }

    @Test
    void showsTheModelTheExistingRowsAndWhatIsWrongWithThemWhenImproving() {
        answer(OpenAiShapes.completion(goodRows(), null));
        ProjectBrief withRows = new ProjectBrief(PROJECT.projectName(), PROJECT.department(), PROJECT.region(),
                PROJECT.year(), PROJECT.fundsWanYuan(), PROJECT.overview(), PROJECT.annualGoal(), null, List.of(
                        Indicator.of("产出指标", "时效指标", "资金拨付", "按计划完成",
                                Scope.ANNUAL)));

        Proposal proposal = service().propose(withRows);

        provider.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("资金拨付 | 按计划完成 | 问题：")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("无法衡量"))));
        assertThat(proposal.project().indicators()).singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualTo("按计划完成"));
    }

    @Test
    void citesOnlySourcesThatWereOffered() {
        answer(OpenAiShapes.completion(goodRows("财预〔2021〕101号", similarId), null));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.rows()).flatExtracting(ProposedRow::sources).containsOnly(similarId);
    }

    @Test
    void keepsReasoningOutOfTheAnswer() {
        String decoy = OpenAiShapes.rows(row("产出指标", "数量指标", "推理中的草稿指标", "1人", "草稿"));
        answer(OpenAiShapes.completion("<think>先试一个：" + decoy + "</think>\n" + goodRows(),
                "思考过程也像答案：" + decoy));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.llmUsed()).isTrue();
        assertThat(proposal.rows()).extracting(ProposedRow::name).doesNotContain("推理中的草稿指标")
                .contains("参保群众满意度");
    }

    @Test
    void readsTheJsonOutOfAFencedChattyAnswer() {
        answer(OpenAiShapes.completion("好的，以下是为该项目建议的绩效指标：\n\n```json\n" + goodRows()
                + "\n```\n\n如需调整请告诉我。", null));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.llmUsed()).isTrue();
        assertThat(proposal.rows()).filteredOn(r -> r.origin() == Origin.LLM).hasSize(6);
    }

    @Test
    void repairsFailingRowsOnceWithTheFindingsSentBack() {
        String first = OpenAiShapes.rows(
                row("产出指标", "数量指标", "城乡居民医保参保人数", "100000人", "目标", similarId),
                row("产出指标", "时效指标", "资金拨付时间", "按计划完成", "按计划"),
                row("满意度指标", "服务对象满意度指标", "参保群众满意度", "满意", "经验"));
        String repaired = OpenAiShapes.rows(
                row("产出指标", "时效指标", "资金拨付时间", "2024年12月31日前", "年度内拨付"),
                row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥95%", "参考相似项目", similarId));
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(OpenAiShapes.completion(first, null))).willSetStateTo("asked"));
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("repair").whenScenarioStateIs("asked")
                .willReturn(okJson(OpenAiShapes.completion(repaired, null))));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(2, postRequestedFor(urlEqualTo(PATH)));
        provider.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", containing("TIME_NO_DEADLINE")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", containing("SATISFACTION_NO_PERCENT"))));
        assertThat(proposal.rows()).filteredOn(r -> r.origin() == Origin.LLM).extracting(ProposedRow::value)
                .containsExactlyInAnyOrder("100000人", "2024年12月31日前", "≥95%");
        assertThat(proposal.notices()).contains("大模型建议未覆盖全部必填类别，已用离线建议补充");
        assertThat(Ranking.REQUIRED).allMatch(l -> proposal.rows().stream().anyMatch(r -> r.level2() == l));
    }

    @Test
    void dropsRowsThatStillFailAfterRepairAndSaysSo() {
        String bad = OpenAiShapes.rows(
                row("产出指标", "数量指标", "城乡居民医保参保人数", "100000人", "目标"),
                row("产出指标", "成本指标", "项目成本", "控制在预算内", "无"));
        answer(OpenAiShapes.completion(bad, null));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(proposal.rows()).noneMatch(r -> r.value().equals("控制在预算内"))
                .noneMatch(r -> r.findings().stream().anyMatch(f -> f.isError()
                        && !f.ruleId().equals(OfflineProposer.TO_FILL)));
        assertThat(proposal.notices()).anyMatch(n -> n.contains("项目成本：控制在预算内") && n.contains("已删除"));
        assertThat(proposal.rows()).anyMatch(r -> r.level2() == Level2.COST && r.origin() == Origin.OFFLINE);
    }

    @Test
    void dropsRowsWhoseCategoriesAreNotInTheTaxonomy() {
        String odd = OpenAiShapes.rows(row("产出指标", "效率指标", "审批效率", "≥90%", "自拟"),
                row("效益指标", "数量指标", "受益人数", "100000人", "错放"));
        answer(OpenAiShapes.completion(odd, null));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.rows()).noneMatch(r -> r.origin() == Origin.LLM);
        assertThat(proposal.notices()).anyMatch(n -> n.contains("审批效率")).anyMatch(n -> n.contains("受益人数"));
        provider.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages[3].content", containing("TAXONOMY_UNKNOWN_LEVEL2")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", containing("TAXONOMY_WRONG_PARENT"))));
    }

    @Test
    void fallsBackToOfflineWhenKeyIsRejected() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(OpenAiShapes.error(
                        "Authentication Fails, Your api key: ****9a1c is invalid", "authentication_error",
                        "invalid_request_error"))));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposal, "API 密钥");
        assertThat(proposal.notices()).noneMatch(n -> n.contains(KEY));
    }

    @Test
    void retriesRateLimitsWithBackoffThenFallsBack() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiShapes.error("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"))));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposal, "429");
    }

    @Test
    void retriesAServerErrorAndUsesTheAnswerThatFollows() {
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")).willSetStateTo("up"));
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(OpenAiShapes.completion(goodRows(), null))));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(proposal.llmUsed()).isTrue();
        assertThat(proposal.notices()).isEmpty();
    }

    @Test
    void fallsBackToOfflineWhenTheServerKeepsFailing() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiShapes.error("Internal error", "server_error", null))));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposal, "HTTP 500");
    }

    @ParameterizedTest(name = "HTTP {0}: {1} request(s), notice mentions {2}")
    @CsvSource({
            "400, 1, HTTP 400",
            "401, 1, API 密钥",
            "403, 1, API 密钥",
            "404, 1, 找不到模型“deepseek-chat”",
            "422, 1, HTTP 422",
            "429, 3, HTTP 429",
            "500, 3, HTTP 500",
            "502, 3, HTTP 502",
            "503, 3, HTTP 503"})
    void followsTheStatusCodeTable(int status, int requests, String notice) {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiShapes.error("provider says " + status, "error", null))));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(requests, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposal, notice);
    }

    @Test
    void fallsBackToOfflineWhenTheModelTimesOut() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OpenAiShapes.completion(goodRows(), null))
                .withFixedDelay(3000)));

        Proposal proposal = service(Duration.ofSeconds(1)).propose(PROJECT);

        assertOffline(proposal, "超时（1秒）");
    }

    @Test
    void fallsBackToOfflineOnMalformedJson() {
        answer(OpenAiShapes.completion("{\"rows\": [{\"level1\": \"产出指标\", \"name\": \"参保人数\", ", null));

        Proposal proposal = service().propose(PROJECT);

        assertOffline(proposal, "JSON");
    }

    @Test
    void fallsBackToOfflineWhenTheAnswerHasNoChoices() {
        answer(OpenAiShapes.noChoices());

        Proposal proposal = service().propose(PROJECT);

        provider.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposal, "choices 为空");
    }

    @Test
    void fallsBackToOfflineWhenTheConnectionIsReset() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Proposal proposal = service().propose(PROJECT);

        assertOffline(proposal, "连接失败或中断");
    }

    @Test
    void proposesOfflineAndSaysSoWhenNoModelIsConfigured() {
        ProposalService offline = ProposalService.create(corpus, new RuleRowChecker(RuleChecker.defaults()),
                TestProposals.settings(Path.of("does-not-exist")),
                new LlmSettings("", "deepseek-chat", "", null, 2, null, 0.2));

        Proposal proposal = offline.propose(PROJECT);

        assertThat(proposal.notices()).containsExactly("未配置大模型，使用离线建议");
        assertThat(proposal.llmUsed()).isFalse();
        assertThat(proposal.model()).isNull();
        assertThat(proposal.rows()).isNotEmpty().noneMatch(r -> r.origin() == Origin.LLM);
    }

    // Streaming

    @Test
    void streamsRowsFromAStreamedAnswerWithReasoning() {
        String sse = OpenAiShapes.stream(List.of("先看项目资金和", "参保人数。"), OpenAiShapes.pieces(goodRows(), 17));
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(sse)));

        List<ProposalEvent> events = service().stream(PROJECT).collectList().block(Duration.ofSeconds(20));

        provider.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object"))));
        assertThat(events).filteredOn(e -> e instanceof ProposalEvent.Notice).extracting(e -> ((ProposalEvent.Notice) e).message())
                .contains("大模型正在推理…", "大模型正在生成指标…");
        assertThat(events).filteredOn(e -> e instanceof ProposalEvent.Row
                && ((ProposalEvent.Row) e).row().origin() == Origin.LLM).hasSize(6);
        assertThat(events).filteredOn(e -> e instanceof ProposalEvent.Row
                && ((ProposalEvent.Row) e).row().origin() != Origin.LLM)
                .allMatch(e -> ((ProposalEvent.Row) e).row().rationale().startsWith(Candidates.FROM_BRIEF));
        assertThat(events.getLast()).isInstanceOfSatisfying(ProposalEvent.Done.class,
                d -> assertThat(d.proposal().llmUsed()).isTrue());
    }

    @Test
    void fallsBackToOfflineWhenTheStreamIsCutBeforeAnyRow() {
        String cut = OpenAiShapes.streamStart(List.of("思考"), List.of("{\"rows\": [{\"level1\": \"产出"));
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(cut)));

        List<ProposalEvent> events = service().stream(PROJECT).collectList().block(Duration.ofSeconds(20));

        Proposal proposal = ((ProposalEvent.Done) events.getLast()).proposal();
        assertOffline(proposal, "中断");
        assertThat(events).filteredOn(e -> e instanceof ProposalEvent.Row).hasSize(proposal.rows().size());
    }

    @Test
    void keepsTheRowsAlreadyShownWhenTheStreamIsCutMidway() {
        String rows = goodRows();
        int third = rows.indexOf("},{", rows.indexOf("},{", rows.indexOf("},{") + 1) + 1);
        String cut = OpenAiShapes.streamStart(List.of(), OpenAiShapes.pieces(rows.substring(0, third + 40), 9));
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(cut)));

        List<ProposalEvent> events = service().stream(PROJECT).collectList().block(Duration.ofSeconds(20));

        Proposal proposal = ((ProposalEvent.Done) events.getLast()).proposal();
        assertThat(proposal.notices()).first().asString()
                .isEqualTo("大模型流式响应中断，已保留大模型已生成的3条指标，其余改用离线建议");
        assertThat(proposal.rows()).filteredOn(r -> r.origin() == Origin.LLM).extracting(ProposedRow::level2)
                .containsExactly(Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS);
        assertThat(Ranking.REQUIRED).allMatch(l -> proposal.rows().stream().anyMatch(r -> r.level2() == l));
        int firstRow = indexOf(events, e -> e instanceof ProposalEvent.Row);
        int cutNotice = indexOf(events, e -> e instanceof ProposalEvent.Notice n && n.message().contains("中断"));
        assertThat(firstRow).isLessThan(cutNotice);
        assertThat(events).filteredOn(e -> e instanceof ProposalEvent.Row).hasSize(proposal.rows().size());
    }

    static int indexOf(List<ProposalEvent> events, Predicate<ProposalEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void fallsBackToOfflineWhenTheStreamingKeyIsRejected() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiShapes.error("Invalid API key", "authentication_error", "invalid_api_key"))));

        List<ProposalEvent> events = service().stream(PROJECT).collectList().block(Duration.ofSeconds(20));

        assertOffline(((ProposalEvent.Done) events.getLast()).proposal(), "API 密钥");
        provider.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void retriesAStreamingRateLimitThenStreams() {
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody(OpenAiShapes.error("busy", "rate_limit_error", null)))
                .willSetStateTo("free"));
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiShapes.stream(List.of(), OpenAiShapes.pieces(goodRows(), 5)))));

        List<ProposalEvent> events = service().stream(PROJECT).collectList().block(Duration.ofSeconds(20));

        provider.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(((ProposalEvent.Done) events.getLast()).proposal().llmUsed()).isTrue();
    }

    @Test
    void keepsTheCompleteRowsOfAnAnswerCutAtTheLengthLimitAndSaysItWasCut() {
        String rows = goodRows();
        String cut = rows.substring(0, rows.indexOf("区级补助资金拨付完成时间"));
        answer(OpenAiShapes.completion(cut, null, "length"));

        Proposal proposal = service().propose(PROJECT);

        assertThat(proposal.llmUsed()).isTrue();
        assertThat(proposal.rows()).filteredOn(r -> r.origin() == Origin.LLM).extracting(ProposedRow::name)
                .containsExactly("城乡居民医保参保人数", "基本医疗保险参保率");
        assertThat(proposal.notices()).anyMatch(n -> n.contains("长度限制被截断") && n.contains("完整的2条"));
    }

    @Test
    void reportsAWebPageAnsweredWithStatus200AsAWebPageNotAConnectionFailure() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome to nginx!</body></html>")));

        Proposal proposal = service().propose(PROJECT);

        provider.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposal, "返回的是网页而不是接口应答");
    }

    @Test
    void waitsTheRetryAfterOfARateLimitInsteadOfTheBackoff() {
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody(OpenAiShapes.error("Rate limit reached", "rate_limit_error", null)))
                .willSetStateTo("free"));
        provider.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(okJson(OpenAiShapes.completion(goodRows(), null))));

        Proposal proposal = service().propose(PROJECT);

        var requests = provider.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(proposal.llmUsed()).isTrue();
        // The backoff is 10 ms: only the header explains a wait of a second.
        assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void stopsCallingAProviderThatIsDownInsteadOfRetryingEveryProposal() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        ProposalService service = service();

        List<Proposal> proposals = java.util.stream.IntStream.range(0, 10).mapToObj(i -> service.propose(PROJECT))
                .toList();

        provider.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertOffline(proposals.getFirst(), "HTTP 503");
        assertOffline(proposals.getLast(), "暂停调用");
    }

    static void assertOffline(Proposal proposal, String reason) {
        assertThat(proposal.llmUsed()).isFalse();
        assertThat(proposal.notices()).first().asString().contains(reason).endsWith("已改用离线建议");
        assertThat(proposal.rows()).isNotEmpty().allMatch(r -> r.origin() != Origin.LLM)
                .allMatch(r -> r.findings().stream().filter(ProposalFinding::isError)
                        .allMatch(f -> f.ruleId().equals(OfflineProposer.TO_FILL)));
        assertThat(proposal.project()).isEqualTo(PROJECT);
    }

}
