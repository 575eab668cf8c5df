package cn.zhibiao.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.BodyInserters;

import cn.zhibiao.draft.DraftAccess;
import cn.zhibiao.system.Account;
import cn.zhibiao.system.Json;
import cn.zhibiao.system.Role;
import cn.zhibiao.system.RunningApp;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The conversation about a server-side draft, over HTTP on the real app and its PostgreSQL: the event stream, the
 * stored conversation, accepting and rejecting proposed changes as draft versions, questions, undo, and who may.
 */
class ChatApiIT extends RunningApp {

    static final String DEPARTMENT = "石鼓区民政局";
    static final String OTHER_DEPARTMENT = "石鼓区医疗保障局";
    static final String STAFF = "chat-staff";
    static final String OTHER = "chat-other";

    /** A server-sent event: its name, and its data read as JSON. */
    record Sse(String event, JsonNode data) {
    }

    @Autowired
    DraftAccess drafts;

    @Autowired
    ChatStore store;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void users() {
        createUser(STAFF, "STAFF", DEPARTMENT);
        createUser(OTHER, "STAFF", OTHER_DEPARTMENT);
    }

    WebTestClient as(String user) {
        return clientAs(user, passwordOf(user));
    }

    /** The fixture draft (0 数量, 1 质量, 2 时效 "按时完成", 3 社会效益, 4 满意度 90%) saved as a server draft. */
    long createDraft() {
        return createDraft("");
    }

    /** The fixture draft whose annual goal also states a deadline, so that 时效 rows can be proposed at once. */
    long createDraftWithDeadline() {
        return createDraft("2024年12月31日前完成补贴发放。");
    }

    long createDraft(String moreGoal) {
        Map<String, Object> declaration;
        try (InputStream in = ChatApiIT.class.getResourceAsStream("/chat/draft.json")) {
            declaration = Json.mapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        declaration.put("annualGoal", declaration.get("annualGoal") + moreGoal);
        return json(as(STAFF).post().uri("/api/drafts").bodyValue(declaration).exchange(), 201).get("id").asLong();
    }

    Flux<Sse> stream(long draft, String message) {
        return as(STAFF).post().uri("/api/drafts/{id}/chat", draft).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("message", message)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody()
                .map(e -> new Sse(e.event(), Json.mapper().readTree(e.data())));
    }

    List<Sse> say(long draft, String message) {
        return stream(draft, message).collectList().block(Duration.ofSeconds(60));
    }

    static List<JsonNode> of(List<Sse> events, String name) {
        return events.stream().filter(e -> e.event().equals(name)).map(Sse::data).toList();
    }

    static String text(List<Sse> events) {
        return String.join("\n", of(events, "token").stream().map(t -> t.get("text").asString()).toList());
    }

    JsonNode conversation(long draft) {
        return json(as(STAFF).get().uri("/api/drafts/{id}/chat", draft).exchange(), 200);
    }

    JsonNode accept(long draft, String change, int status) {
        return json(as(STAFF).post().uri("/api/drafts/{id}/changes/{c}/accept", draft, change).exchange(), status);
    }

    static JsonNode json(WebTestClient.ResponseSpec response, int status) {
        return Json.mapper().readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody());
    }

    @Test
    void proposingTimelinessRowsStreamsIntentTokensChangesAndDoneAndTheConversationIsStored() {
        long draft = createDraftWithDeadline();

        List<Sse> events = say(draft, "补充时效指标");

        assertThat(events.getFirst().event()).isEqualTo("intent");
        assertThat(events.getFirst().data().get("intent").asString()).isEqualTo("PROPOSE");
        assertThat(events.getFirst().data().get("args").get("level2").asString()).isEqualTo("时效指标");
        assertThat(events.get(1).event()).isEqualTo("token");
        assertThat(events.getLast().event()).isEqualTo("done");
        assertThat(events).allSatisfy(e -> assertThat(e.data().get("type").asString()).isEqualTo(e.event()));
        List<JsonNode> changes = of(events, "change");
        assertThat(changes).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("op").asString()).isEqualTo("add");
            assertThat(c.get("row").get("level2").asString()).isEqualTo("时效指标");
            assertThat(c.get("findings").isArray()).isTrue();
        });

        JsonNode conversation = conversation(draft);
        JsonNode turn = conversation.get("turns").get(0);
        assertThat(turn.get("id").asLong()).isPositive();
        assertThat(turn.get("message").asString()).isEqualTo("补充时效指标");
        assertThat(turn.get("user").asString()).isEqualTo(STAFF);
        assertThat(turn.get("at").asString()).isNotBlank();
        assertThat(turn.get("events").size()).isEqualTo(events.size());
        assertThat(turn.get("events").get(events.size() - 1).get("type").asString()).isEqualTo("done");
        assertThat(conversation.get("changes").size()).isEqualTo(changes.size());
        JsonNode stored = conversation.get("changes").get(0);
        assertThat(stored.get("id").asString()).isEqualTo(changes.getFirst().get("id").asString());
        assertThat(stored.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(stored.get("change")).isEqualTo(changes.getFirst());
        assertThat(stored.get("proposedAgainstVersion").asInt()).isEqualTo(1);
        assertThat(stored.get("appliedVersion").isNull()).isTrue();
    }

    @Test
    void anAcceptedChangeIsTheNextDraftVersionWithItsFindingsAndCannotBeAcceptedTwice() {
        long draft = createDraftWithDeadline();
        JsonNode add = of(say(draft, "补充时效指标"), "change").getFirst();
        int at = add.get("indicatorIndex").asInt();

        JsonNode saved = accept(draft, add.get("id").asString(), 200);

        assertThat(saved.get("version").asInt()).isEqualTo(2);
        JsonNode row = saved.get("declaration").get("indicators").get(at);
        assertThat(row.get("name").asString()).isEqualTo(add.get("row").get("name").asString());
        assertThat(row.get("value").asString()).isEqualTo(add.get("row").get("value").asString());
        List<JsonNode> findings = new ArrayList<>();
        saved.get("findings").forEach(findings::add);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("ruleId").asString()).isEqualTo("TIME_NO_DEADLINE");
            assertThat(f.get("indicatorIndex").asInt()).isEqualTo(2);
        });
        assertThat(findings).noneSatisfy(f -> {
            assertThat(f.get("indicatorIndex").asInt()).isEqualTo(at);
            assertThat(f.get("severity").asString()).isEqualTo("ERROR");
        });
        assertThat(json(as(STAFF).get().uri("/api/drafts/{id}", draft).exchange(), 200)).isEqualTo(saved);
        JsonNode versions = json(as(STAFF).get().uri("/api/drafts/{id}/versions", draft).exchange(), 200);
        assertThat(versions.get(1).get("findings")).isEqualTo(saved.get("findings"));
        JsonNode history = json(as(STAFF).get().uri("/api/drafts/{id}/history", draft).exchange(), 200);
        JsonNode audit = history.get(history.size() - 1);
        assertThat(audit.get("action").asString()).isEqualTo("CHAT_ACCEPT");
        assertThat(audit.get("detail").get("change").asString()).isEqualTo(add.get("id").asString());

        assertThat(accept(draft, add.get("id").asString(), 409).get("message").asString()).contains("已经接受过");
        JsonNode stored = conversation(draft).get("changes").get(0);
        assertThat(stored.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(stored.get("appliedVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aRejectedChangeIsMarkedAndLeavesTheDraftAlone() {
        long draft = createDraft();
        JsonNode revise = of(say(draft, "把满意度改成不低于95%"), "change").getFirst();
        String id = revise.get("id").asString();

        JsonNode rejected = json(as(STAFF).post().uri("/api/drafts/{id}/changes/{c}/reject", draft, id).exchange(),
                200);

        assertThat(rejected.get("id").asString()).isEqualTo(id);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("change").get("row").get("value").asString()).isEqualTo("≥95%");
        assertThat(accept(draft, id, 409).get("message").asString()).contains("已被拒绝");
        JsonNode current = json(as(STAFF).get().uri("/api/drafts/{id}", draft).exchange(), 200);
        assertThat(current.get("version").asInt()).isEqualTo(1);
        assertThat(current.get("declaration").get("indicators").get(4).get("value").asString()).isEqualTo("90%");
    }

    @Test
    void aChangeWhoseRowWasEditedSinceIsRefusedWith409AndNothingIsSaved() {
        long draft = createDraft();
        String id = of(say(draft, "把满意度改成不低于95%"), "change").getFirst().get("id").asString();
        JsonNode current = json(as(STAFF).get().uri("/api/drafts/{id}", draft).exchange(), 200);
        Map<String, Object> edited = Json.mapper().convertValue(current.get("declaration"), new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) edited.get("indicators");
        rows.get(4).put("value", "≥92%");
        json(as(STAFF).put().uri("/api/drafts/{id}", draft).bodyValue(Map.of("version", 1, "declaration", edited))
                .exchange(), 200);

        JsonNode refused = accept(draft, id, 409);

        assertThat(refused.get("message").asString()).contains("第5行已被修改");
        assertThat(json(as(STAFF).get().uri("/api/drafts/{id}", draft).exchange(), 200).get("version").asInt())
                .isEqualTo(2);
        assertThat(conversation(draft).get("changes").get(0).get("status").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void askingWhyARowIsFlaggedAnswersWithTheRuleAndItsBasis() {
        long draft = createDraft();

        List<Sse> events = say(draft, "第3行为什么被标记？");

        JsonNode finding = of(events, "finding").getFirst();
        assertThat(finding.get("ruleId").asString()).isEqualTo("TIME_NO_DEADLINE");
        assertThat(finding.get("indicatorIndex").asInt()).isEqualTo(2);
        assertThat(finding.get("basis").size()).isPositive();
        assertThat(text(events)).contains("原因：", "依据：");
    }

    @Test
    void aNumberGivenInAnswerToTheAssistantsQuestionIsUsedInTheNextProposal() {
        long draft = createDraft();
        JsonNode question = of(say(draft, "补充一个数量指标"), "question").getFirst();
        assertThat(question.get("fact").asString()).isEqualTo("COUNT");

        List<Sse> answer = say(draft, "5000人");

        assertThat(of(answer, "intent").getFirst().get("intent").asString()).isEqualTo("PROPOSE");
        assertThat(of(answer, "change")).anySatisfy(c -> assertThat(c.get("row").get("value").asString())
                .contains("5000"));
    }

    @Test
    void undoProposesTheReverseOfTheLastAcceptedChangeWhichAcceptedRestoresTheRow() {
        long draft = createDraft();
        String revise = of(say(draft, "把满意度改成不低于95%"), "change").getFirst().get("id").asString();
        assertThat(accept(draft, revise, 200).get("declaration").get("indicators").get(4).get("value").asString())
                .isEqualTo("≥95%");

        List<Sse> undo = say(draft, "撤销上一步");

        assertThat(of(undo, "intent").getFirst().get("intent").asString()).isEqualTo("UNDO");
        String inverse = of(undo, "change").getFirst().get("id").asString();
        JsonNode restored = accept(draft, inverse, 200);
        assertThat(restored.get("version").asInt()).isEqualTo(3);
        assertThat(restored.get("declaration").get("indicators").get(4).get("value").asString()).isEqualTo("90%");
        JsonNode changes = conversation(draft).get("changes");
        assertThat(changes.get(0).get("status").asString()).isEqualTo("UNDONE");
        assertThat(changes.get(1).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(text(say(draft, "撤销"))).contains("还没有接受过的修改");
    }

    @Test
    void anotherDepartmentGets404AndNoLoginGets401() {
        long draft = createDraft();
        String change = of(say(draft, "把满意度改成不低于95%"), "change").getFirst().get("id").asString();
        String chat = "/api/drafts/" + draft + "/chat";
        String accept = "/api/drafts/" + draft + "/changes/" + change + "/accept";

        for (WebTestClient.ResponseSpec response : List.of(
                as(OTHER).post().uri(chat).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("message", "检查一下"))
                        .exchange(),
                as(OTHER).get().uri(chat).exchange(),
                as(OTHER).post().uri(accept).exchange())) {
            assertThat(json(response, 404).get("message").asString()).contains("未找到草稿");
        }
        assertThat(json(anonymous().post().uri(chat).bodyValue(Map.of("message", "检查一下")).exchange(), 401)
                .get("message").asString()).contains("请先登录");
        assertThat(json(anonymous().get().uri(chat).exchange(), 401).get("status").asInt()).isEqualTo(401);
        assertThat(conversation(draft).get("turns").size()).isEqualTo(1);
        assertThat(conversation(draft).get("changes").get(0).get("status").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void aSignedInPanelNeedsTheCsrfTokenToTalkAsForEveryOtherPost() {
        long draft = createDraft();
        ResponseCookie csrf = anonymous().get().uri("/login.html").exchange().expectBody().returnResult()
                .getResponseCookies().getFirst("XSRF-TOKEN");
        ResponseCookie session = anonymous().post().uri("/login").cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", STAFF).with("password", passwordOf(STAFF))
                        .with("_csrf", csrf.getValue()))
                .exchange().expectStatus().isFound().expectBody().returnResult()
                .getResponseCookies().getFirst("SESSION");
        String chat = "/api/drafts/" + draft + "/chat";

        anonymous().post().uri(chat).cookie("SESSION", session.getValue()).bodyValue(Map.of("message", "检查一下"))
                .exchange().expectStatus().isForbidden();
        assertThat(conversation(draft).get("turns").size()).isZero();

        List<String> names = anonymous().post().uri(chat).cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", csrf.getValue()).header("X-XSRF-TOKEN", csrf.getValue())
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("message", "检查一下")).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody().map(ServerSentEvent::event).collectList().block(Duration.ofSeconds(60));
        assertThat(names).startsWith("intent").endsWith("done");
    }

    @Test
    void aReviewerOfTheDepartmentMayAskButNotAcceptOrReject() {
        createUser("chat-reviewer", "REVIEWER", DEPARTMENT);
        long draft = createDraft();
        String change = of(say(draft, "把满意度改成不低于95%"), "change").getFirst().get("id").asString();
        WebTestClient reviewer = as("chat-reviewer");

        List<String> names = reviewer.post().uri("/api/drafts/{id}/chat", draft).bodyValue(Map.of("message", "检查一下"))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody().map(ServerSentEvent::event).collectList().block(Duration.ofSeconds(60));
        assertThat(names).contains("finding").endsWith("done");

        for (String decision : List.of("accept", "reject")) {
            assertThat(json(reviewer.post().uri("/api/drafts/{id}/changes/{c}/" + decision, draft, change).exchange(),
                    403).get("message").asString()).contains("审核人不能编辑草稿");
        }
        assertThat(conversation(draft).get("changes").get(0).get("status").asString()).isEqualTo("PROPOSED");
        assertThat(json(as(STAFF).post().uri("/api/drafts/{id}/changes/{c}/accept", draft, "c-none").exchange(), 404)
                .get("message").asString()).contains("没有这条修改建议");
    }

    @Test
    void anEmptyOrOverlongMessageIsRefusedWith400InChinese() {
        long draft = createDraft();
        String chat = "/api/drafts/" + draft + "/chat";

        assertThat(json(as(STAFF).post().uri(chat).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("message", "  ")).exchange(), 400).get("message").asString()).contains("不能为空");
        assertThat(json(as(STAFF).post().uri(chat).bodyValue(Map.of("text", "检查")).exchange(), 400)
                .get("message").asString()).contains("message");
        assertThat(json(as(STAFF).post().uri(chat).bodyValue(Map.of("message", "查".repeat(2001))).exchange(), 400)
                .get("message").asString()).contains("消息过长");
        assertThat(conversation(draft).get("turns").size()).isZero();
    }

    @Test
    void aTurnWhoseClientLeavesMidStreamIsStillStoredToTheEnd() throws InterruptedException {
        long draft = createDraft();

        assertThat(stream(draft, "检查一下").take(1).blockLast(Duration.ofSeconds(60)).event()).isEqualTo("intent");

        JsonNode turn = null;
        for (int i = 0; i < 300 && (turn == null || turn.get("events").isEmpty()); i++) {
            Thread.sleep(100);
            turn = conversation(draft).get("turns").get(0);
        }
        JsonNode events = turn.get("events");
        assertThat(events.get(0).get("type").asString()).isEqualTo("intent");
        assertThat(events.get(events.size() - 1).get("type").asString()).isEqualTo("done");
        assertThat(events.toString()).contains("\"type\":\"finding\"");
    }

    @Test
    void aFailingAssistantsErrorIsStreamedAndStoredWithTheTurn() {
        long draft = createDraft();
        Assistant failing = (declaration, history, message) -> Flux.concat(
                Flux.just(new ChatEvent.Understood(Intent.CHECK, IntentArgs.NONE)),
                Flux.error(new IllegalStateException("engine down")));
        ChatService service = new ChatService(failing, drafts, store, transactions);
        Account account = new Account(STAFF, Role.STAFF, Set.of(DEPARTMENT));

        List<ChatEvent> events = service.turn(account, draft, "检查一下").collectList().block(Duration.ofSeconds(60));

        assertThat(events).extracting(ChatEvent::type).containsExactly("intent", "error", "done");
        JsonNode stored = conversation(draft).get("turns").get(0).get("events");
        assertThat(stored.get(1).get("type").asString()).isEqualTo("error");
        assertThat(stored.get(1).get("message").asString()).contains("请稍后重试");
    }
}
