package cn.zhibiao.proposal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.RunningApp;
import cn.zhibiao.system.Json;

/**
 * The running application with a configured OpenAI-compatible provider (WireMock answering as DeepSeek does), its
 * real retrieval index, rule checker and PostgreSQL.
 */
class SuggestIT extends RunningApp {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v1/chat/completions";
    private static final String PROJECT = """
            {"projectName":"城乡居民医疗保险区级财政补助资金","department":"石峰区医疗保障局","region":"湖南省株洲市石峰区",
             "year":2024,"fundsWanYuan":600,"overview":"对辖区城乡居民医保参保人员按每人每年60元给予区级财政补助",
             "annualGoal":"全区城乡居民医保参保率稳定在95%以上"}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("zhibiao.llm.base-url", () -> provider.baseUrl() + "/v1");
        registry.add("zhibiao.llm.model", () -> "deepseek-chat");
        registry.add("zhibiao.llm.api-key", () -> "sk-it-7d1e");
        registry.add("zhibiao.llm.max-retries", () -> "1");
        registry.add("zhibiao.llm.retry-backoff", () -> "10ms");
    }

    @BeforeEach
    void reset() {
        provider.resetAll();
    }

    private static String goodRows() {
        return OpenAiShapes.rows(
                OpenAiShapes.row("产出指标", "数量指标", "城乡居民医保参保人数", "100000人", "取自年度绩效目标。"),
                OpenAiShapes.row("产出指标", "质量指标", "基本医疗保险参保率", "≥95%", "取自年度绩效目标。"),
                OpenAiShapes.row("产出指标", "时效指标", "区级补助资金拨付完成时间", "2024年12月31日前", "年度内拨付。"),
                OpenAiShapes.row("产出指标", "成本指标", "区级财政补助标准", "≤60元/人", "项目概况：每人每年60元。"),
                OpenAiShapes.row("效益指标", "社会效益指标", "政策范围内住院费用报销比例", "≥70%", "参考相似项目。"),
                OpenAiShapes.row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥95%", "参考相似项目。"));
    }

    private JsonNode suggest() {
        byte[] body = client().post().uri("/api/suggest").contentType(MediaType.APPLICATION_JSON).bodyValue(PROJECT)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Json.mapper().readTree(body);
    }

    @Test
    void modelRowsComeBackCheckedAndTheRequestCarriesSimilarProjects() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OpenAiShapes.completion(goodRows(),
                "先看相似项目的指标……"))));

        JsonNode proposal = suggest();

        assertThat(proposal.get("llmUsed").asBoolean()).isTrue();
        assertThat(proposal.get("model").asString()).isEqualTo("deepseek-chat");
        assertThat(proposal.get("promptHash").asString()).hasSize(64);
        assertThat(proposal.get("rows").size()).isGreaterThanOrEqualTo(6);
        for (JsonNode row : proposal.get("rows")) {
            assertThat(row.get("findings").toString()).doesNotContain("\"ERROR\"");
            assertThat(row.get("rationale").asString()).doesNotContain("先看相似项目");
        }
        provider.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer sk-it-7d1e"))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("（衡阳石鼓区 2023）")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("61.44元/人"))));
    }

    @Test
    void rejectedKeyFallsBackToOfflineProposalsAndSaysWhy() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiShapes.error("Authentication Fails (no such user)", "authentication_error",
                        "invalid_request_error"))));

        JsonNode proposal = suggest();

        assertThat(proposal.get("llmUsed").asBoolean()).isFalse();
        assertThat(proposal.get("notices").toString()).contains("密钥");
        assertThat(proposal.get("project").get("projectName").asString()).isEqualTo("城乡居民医疗保险区级财政补助资金");
        assertThat(proposal.get("rows").size()).isGreaterThanOrEqualTo(6);
        proposal.get("rows").forEach(r -> assertThat(r.get("origin").asString()).isNotEqualTo("LLM"));
    }

    @Test
    void streamsEachRowAsItIsReady() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiShapes.stream(List.of("思考中"), OpenAiShapes.pieces(goodRows(), 7)))));

        List<ServerSentEvent<String>> events = client().post().uri("/api/suggest/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(PROJECT)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody().collectList().block(Duration.ofSeconds(60));

        assertThat(events).extracting(ServerSentEvent::event).contains("row").endsWith("done");
        assertThat(events).filteredOn(e -> "row".equals(e.event())).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void statusTellsThePanelWhichModelIsInUse() {
        client().get().uri("/api/status").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.llm.configured").isEqualTo(true)
                .jsonPath("$.llm.model").isEqualTo("deepseek-chat")
                .jsonPath("$.llm.apiKey").doesNotExist();
    }
}
