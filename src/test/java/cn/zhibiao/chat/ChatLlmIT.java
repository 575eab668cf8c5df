package cn.zhibiao.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import cn.zhibiao.proposal.OpenAiShapes;
import cn.zhibiao.system.RunningApp;

/** The running app with a configured provider (WireMock answering as DeepSeek does): its one assistant is the model's. */
class ChatLlmIT extends RunningApp {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v1/chat/completions";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("zhibiao.llm.base-url", () -> provider.baseUrl() + "/v1");
        registry.add("zhibiao.llm.model", () -> "deepseek-chat");
        registry.add("zhibiao.llm.max-retries", () -> "1");
        registry.add("zhibiao.llm.retry-backoff", () -> "10ms");
        registry.add("zhibiao.llm.circuit-breaker.failures", () -> "3");
    }

    @Autowired
    Assistant assistant;

    @Test
    void theModelAnswersAndProposalsAndTheChatShareWhatIsKnownAboutAProviderThatIsDown() {
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiShapes.textStream(List.of(), List.of("草稿", "共有5行指标。"), "stop"))));

        List<ChatEvent> answered = assistant.turn(ChatFixtures.draft(), List.of(), "你好").collectList().block();

        assertThat(answered).filteredOn(ChatEvent.Token.class::isInstance)
                .extracting(e -> ((ChatEvent.Token) e).text()).containsExactly("草稿", "共有5行指标。");

        provider.resetAll();
        provider.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assistant.turn(ChatFixtures.draft(), List.of(), "检查一下").blockLast();
        client().post().uri("/api/suggest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\":\"居家养老服务补贴资金\",\"overview\":\"向经济困难老年人购买居家养老服务\"}")
                .exchange().expectStatus().isOk();
        provider.verify(3, postRequestedFor(urlEqualTo(PATH)));

        List<ChatEvent> later = assistant.turn(ChatFixtures.draft(), List.of(), "检查一下").collectList().block();

        provider.verify(3, postRequestedFor(urlEqualTo(PATH)));
        assertThat(later).filteredOn(ChatEvent.Token.class::isInstance).first()
                .satisfies(t -> assertThat(((ChatEvent.Token) t).text()).contains("暂停调用", "离线助手"));
    }
}
