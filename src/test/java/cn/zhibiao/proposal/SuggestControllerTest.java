package cn.zhibiao.proposal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import cn.zhibiao.rules.RuleChecker;

class SuggestControllerTest {

    static final String PROJECT = """
            {"projectName": "城乡居民医疗保险区级财政补助资金", "department": "雁峰区医疗保障局",
             "region": "湖南省衡阳市雁峰区", "year": 2024, "fundsWanYuan": 600,
             "overview": "城乡居民医疗保险区级财政补助，每人每年60元",
             "annualGoal": "确保全区100000人参保，参保率稳定在95%以上"}""";

    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    final CorpusExamples corpus = CorpusExamples.load();

    WebTestClient client(LlmSettings llm) {
        ProposalService service = ProposalService.create(corpus, new RuleRowChecker(RuleChecker.defaults()),
                TestProposals.settings(Path.of("prompts")), llm);
        return WebTestClient.bindToController(new SuggestController(service)).build();
    }

    WebTestClient offlineClient() {
        return client(new LlmSettings("", "deepseek-chat", "", null, 0, null, 0.2));
    }

    @Test
    void answersWithACheckedProposalAndEchoesTheProject() {
        offlineClient().post().uri("/api/suggest").contentType(MediaType.APPLICATION_JSON).bodyValue(PROJECT)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.project.projectName").isEqualTo("城乡居民医疗保险区级财政补助资金")
                .jsonPath("$.notices[0]").isEqualTo("未配置大模型，使用离线建议")
                .jsonPath("$.llmUsed").isEqualTo(false)
                .jsonPath("$.rows[0].level1").isEqualTo("产出指标")
                .jsonPath("$.rows[0].level2").isEqualTo("数量指标")
                .jsonPath("$.rows[0].value").isEqualTo("100000人")
                .jsonPath("$.rows[0].origin").isEqualTo("OFFLINE")
                .jsonPath("$.rows[0].rationale").value(r -> assertThat((String) r).startsWith("来自项目申报内容"))
                .jsonPath("$.questions").isArray()
                .jsonPath("$.rows[0].rationale").value(r -> assertThat((String) r).contains("100000人"))
                .jsonPath("$.rows[?(@.level2 == '服务对象满意度指标')]").exists();
    }

    @Test
    void keepsSoundExistingIndicatorsAndReplacesBrokenOnes() {
        String withRows = PROJECT.replace("}", """
                , "indicators": [
                  {"level1": "产出指标", "level2": "数量指标", "name": "参保缴费人数", "value": "100000人"},
                  {"level1": "产出指标", "level2": "时效指标", "name": "资金拨付时间", "value": "按计划完成"}]}""");

        offlineClient().post().uri("/api/suggest").contentType(MediaType.APPLICATION_JSON).bodyValue(withRows)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[0].name").isEqualTo("参保缴费人数")
                .jsonPath("$.rows[0].rationale").isEqualTo("沿用原有指标（检查未发现错误）。")
                .jsonPath("$.rows[?(@.value == '按计划完成')]").doesNotExist()
                .jsonPath("$.rows[?(@.level2 == '时效指标')]").exists()
                .jsonPath("$.notices[1]").value(n -> assertThat((String) n).contains("资金拨付时间：按计划完成"));
    }

    @Test
    void refusesAProjectWithoutANameButGivesItBack() {
        offlineClient().post().uri("/api/suggest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"overview\": \"只有概况\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").isEqualTo("请填写项目名称（projectName）")
                .jsonPath("$.project.overview").isEqualTo("只有概况");
    }

    @Test
    void refusesMalformedJson() {
        offlineClient().post().uri("/api/suggest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\": ")
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void streamsNoticesRowsAndDoneAsTypedEvents() {
        Flux<ServerSentEvent<String>> body = offlineClient().post().uri("/api/suggest/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(PROJECT)
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody();

        List<ServerSentEvent<String>> events = body.collectList().block(Duration.ofSeconds(20));

        assertThat(events).isNotNull();
        assertThat(events.getFirst().event()).isEqualTo("notice");
        assertThat(events.getFirst().data()).contains("未配置大模型");
        assertThat(events).filteredOn(e -> "row".equals(e.event())).hasSizeGreaterThanOrEqualTo(6)
                .allMatch(e -> e.data().contains("\"origin\":\"OFFLINE\""));
        assertThat(events.getLast().event()).isEqualTo("done");
        assertThat(events.getLast().data()).contains("\"project\"", "\"rows\"");
    }

    @Test
    void streamsAnErrorEventWithTheProjectWhenTheNameIsMissing() {
        Flux<ServerSentEvent<String>> body = offlineClient().post().uri("/api/suggest/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue("{\"overview\": \"只有概况\"}")
                .exchange()
                .returnResult(SSE).getResponseBody();

        StepVerifier.create(body)
                .expectNextMatches(e -> "error".equals(e.event()) && e.data().contains("只有概况"))
                .verifyComplete();
    }

    @Test
    void stopsWhenTheClientCancels() {
        Flux<ServerSentEvent<String>> body = offlineClient().post().uri("/api/suggest/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(PROJECT)
                .exchange()
                .returnResult(SSE).getResponseBody();

        StepVerifier.create(body)
                .expectNextMatches(e -> "notice".equals(e.event()))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void streamsTheFallbackNoticeBeforeOfflineRowsWhenTheModelFails() {
        WireMockServer provider = new WireMockServer(options().dynamicPort());
        provider.start();
        try {
            provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));
            WebTestClient client = client(new LlmSettings(provider.baseUrl() + "/v1", "qwen-plus", "sk-x",
                    Duration.ofSeconds(5), 1, Duration.ofMillis(5), 0.2));

            List<ServerSentEvent<String>> events = client.post().uri("/api/suggest/stream")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(PROJECT)
                    .exchange().returnResult(SSE).getResponseBody().collectList().block(Duration.ofSeconds(20));

            assertThat(events).extracting(ServerSentEvent::event).startsWith("notice", "notice").endsWith("done");
            assertThat(events.get(0).data()).contains("正在请求大模型（qwen-plus）");
            assertThat(events.get(1).data()).contains("HTTP 503", "已改用离线建议");
        } finally {
            provider.stop();
        }
    }
}
