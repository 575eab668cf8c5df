package cn.zhibiao.draft;

import static cn.zhibiao.draft.DraftFixtures.DEADLINE_RULE;
import static cn.zhibiao.draft.DraftFixtures.DEPARTMENT_A;
import static cn.zhibiao.draft.DraftFixtures.DEPARTMENT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.Json;
import cn.zhibiao.system.RunningApp;

/** Drafts on the real app and its PostgreSQL: versions, locking, the submission gate, review and who sees what. */
class DraftIT extends RunningApp {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void users() {
        createUser("staff-a", "STAFF", DEPARTMENT_A);
        createUser("staff-b", "STAFF", DEPARTMENT_B);
        createUser("reviewer-a", "REVIEWER", DEPARTMENT_A);
        createUser("reviewer-b", "REVIEWER", DEPARTMENT_B);
    }

    private WebTestClient as(String user) {
        return clientAs(user, passwordOf(user));
    }

    private JsonNode create(String user, Map<String, Object> declaration) {
        byte[] body = as(user).post().uri("/api/drafts").bodyValue(declaration).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return Json.mapper().readTree(body);
    }

    private JsonNode json(WebTestClient.ResponseSpec response, int status) {
        return Json.mapper().readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult()
                .getResponseBody());
    }

    @Test
    void createdDraftCarriesItsFindingsAndFirstVersion() {
        JsonNode draft = create("staff-a", DraftFixtures.vague(DEPARTMENT_A));
        assertThat(draft.get("version").asInt()).isEqualTo(1);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("declaration").get("department").asString()).isEqualTo(DEPARTMENT_A);
        assertThat(draft.get("findings").toString()).contains(DEADLINE_RULE).contains("\"ERROR\"");
    }

    @Test
    void twoConcurrentSavesOfOneVersionOneWinsTheOtherGets409AndNoVersionIsLost() throws Exception {
        long id = create("staff-a", DraftFixtures.vague(DEPARTMENT_A)).get("id").asLong();
        Map<String, Object> base = DraftFixtures.measurable(DEPARTMENT_A);
        int row = DraftFixtures.timelinessRow(base);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<WebTestClient.ResponseSpec>> saves = new ArrayList<>();
        for (String value : List.of("2024年6月30日前", "2024年9月30日前")) {
            Callable<WebTestClient.ResponseSpec> save = () -> {
                start.await();
                return as("staff-a").put().uri("/api/drafts/" + id)
                        .bodyValue(Map.of("version", 1, "declaration", DraftFixtures.withValue(base, row, value)))
                        .exchange();
            };
            saves.add(pool.submit(save));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        JsonNode conflict = null;
        for (Future<WebTestClient.ResponseSpec> save : saves) {
            var result = save.get().expectBody().returnResult();
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 409) {
                conflict = Json.mapper().readTree(result.getResponseBody());
            }
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(conflict.get("status").asInt()).isEqualTo(409);
        assertThat(conflict.get("message").asString()).contains("第 2 版");
        assertThat(conflict.get("current").get("version").asInt()).isEqualTo(2);
        JsonNode versions = json(as("staff-a").get().uri("/api/drafts/" + id + "/versions").exchange(), 200);
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(1).get("declaration").get("indicators").get(row).get("value").asString())
                .isEqualTo(conflict.get("current").get("declaration").get("indicators").get(row).get("value").asString());
    }

    @Test
    void staffOfDepartmentAGet404ForEveryEndpointOfADraftOfDepartmentB() {
        long id = create("staff-b", DraftFixtures.vague(DEPARTMENT_B)).get("id").asLong();
        String d = "/api/drafts/" + id;
        for (String path : List.of(d, d + "/findings", d + "/why/0", d + "/history", d + "/versions",
                d + "/versions/1", d + "/diff?from=1&to=1", d + "/prior")) {
            assertThat(json(as("staff-a").get().uri(path).exchange(), 404).get("message").asString())
                    .as(path).contains("未找到草稿");
        }
        json(as("staff-a").put().uri(d).bodyValue(Map.of("version", 1, "declaration",
                DraftFixtures.measurable(DEPARTMENT_B))).exchange(), 404);
        json(as("staff-a").post().uri(d + "/submit").bodyValue(Map.of("overrides", List.of())).exchange(), 404);
        json(as("staff-a").method(HttpMethod.DELETE).uri(d).exchange(), 404);
        json(as("reviewer-a").post().uri(d + "/review").bodyValue(Map.of("decision", "RETURN", "comments",
                List.of(Map.of("text", "不可见")))).exchange(), 404);
        JsonNode list = json(as("staff-a").get().uri("/api/drafts").exchange(), 200);
        list.forEach(s -> assertThat(s.get("id").asLong()).isNotEqualTo(id));
        assertThat(json(as("staff-b").get().uri(d).exchange(), 200).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void submittingWithAnUnexplainedErrorIsRefusedAndListsIt() {
        Map<String, Object> vague = DraftFixtures.vague(DEPARTMENT_A);
        long id = create("staff-a", vague).get("id").asLong();
        JsonNode refused = json(as("staff-a").post().uri("/api/drafts/" + id + "/submit")
                .bodyValue(Map.of("overrides", List.of())).exchange(), 422);
        assertThat(refused.get("status").asInt()).isEqualTo(422);
        assertThat(refused.get("blocking").size()).isEqualTo(1);
        assertThat(refused.get("blocking").get(0).get("ruleId").asString()).isEqualTo(DEADLINE_RULE);
        assertThat(refused.get("blocking").get(0).get("indicatorIndex").asInt())
                .isEqualTo(DraftFixtures.timelinessRow(vague));
        assertThat(json(as("staff-a").get().uri("/api/drafts/" + id).exchange(), 200).get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void anOverrideWithAReasonLetsTheDraftThroughIsAuditedAndUnusedOnesAreReported() {
        Map<String, Object> vague = DraftFixtures.vague(DEPARTMENT_A);
        int row = DraftFixtures.timelinessRow(vague);
        long id = create("staff-a", vague).get("id").asLong();
        JsonNode submitted = json(as("staff-a").post().uri("/api/drafts/" + id + "/submit").bodyValue(Map.of(
                "overrides", List.of(
                        Map.of("indicatorIndex", row, "ruleId", DEADLINE_RULE, "reason", "拨付时间以省厅文件为准，尚未下达"),
                        Map.of("indicatorIndex", 0, "ruleId", "QUANTITY_NO_NUMBER", "reason", "旧理由")))).exchange(), 200);
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("unusedOverrides").size()).isEqualTo(1);
        assertThat(submitted.get("unusedOverrides").get(0).get("ruleId").asString()).isEqualTo("QUANTITY_NO_NUMBER");

        JsonNode history = json(as("staff-a").get().uri("/api/drafts/" + id + "/history").exchange(), 200);
        JsonNode submit = history.get(history.size() - 1);
        assertThat(submit.get("action").asString()).isEqualTo("SUBMIT");
        assertThat(submit.get("actor").asString()).isEqualTo("staff-a");
        assertThat(submit.get("detail").get("overrides").toString())
                .contains(DEADLINE_RULE).contains("拨付时间以省厅文件为准");
        JsonNode findings = json(as("staff-a").get().uri("/api/drafts/" + id + "/findings").exchange(), 200);
        assertThat(findings.get(0).get("override").get("reason").asString()).isEqualTo("拨付时间以省厅文件为准，尚未下达");
    }

    @Test
    void aReviewerCannotApproveADraftOfADepartmentNotAssignedToThem() {
        long id = create("staff-a", DraftFixtures.measurable(DEPARTMENT_A)).get("id").asLong();
        json(as("staff-a").post().uri("/api/drafts/" + id + "/submit").bodyValue(Map.of()).exchange(), 200);
        json(as("reviewer-b").post().uri("/api/drafts/" + id + "/review")
                .bodyValue(Map.of("decision", "APPROVE", "comments", List.of())).exchange(), 404);
        json(as("staff-a").post().uri("/api/drafts/" + id + "/review")
                .bodyValue(Map.of("decision", "APPROVE", "comments", List.of())).exchange(), 403);
        assertThat(json(as("staff-a").get().uri("/api/drafts/" + id).exchange(), 200).get("status").asString())
                .isEqualTo("SUBMITTED");
        JsonNode approved = json(as("reviewer-a").post().uri("/api/drafts/" + id + "/review")
                .bodyValue(Map.of("decision", "APPROVE", "comments", List.of())).exchange(), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aReturnedDraftShowsTheReviewersCommentsAndCanBeFixedAndSubmittedAgain() {
        Map<String, Object> vague = DraftFixtures.vague(DEPARTMENT_A);
        int row = DraftFixtures.timelinessRow(vague);
        long id = create("staff-a", vague).get("id").asLong();
        json(as("staff-a").post().uri("/api/drafts/" + id + "/submit").bodyValue(Map.of("overrides", List.of(
                Map.of("indicatorIndex", row, "ruleId", DEADLINE_RULE, "reason", "待定")))).exchange(), 200);
        assertThat(json(as("reviewer-a").get().uri("/api/reviews").exchange(), 200).toString()).contains("\"id\":" + id);
        json(as("reviewer-a").post().uri("/api/drafts/" + id + "/review").bodyValue(Map.of("decision", "RETURN",
                "comments", List.of(Map.of("indicatorIndex", row, "text", "请写明拨付的截止日期")))).exchange(), 200);

        JsonNode returned = json(as("staff-a").get().uri("/api/drafts/" + id).exchange(), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("comments").get(0).get("text").asString()).isEqualTo("请写明拨付的截止日期");
        assertThat(returned.get("comments").get(0).get("indicatorIndex").asInt()).isEqualTo(row);

        JsonNode fixed = json(as("staff-a").put().uri("/api/drafts/" + id).bodyValue(Map.of("version", 1,
                "declaration", DraftFixtures.withValue(vague, row, "2024年6月30日前"))).exchange(), 200);
        assertThat(fixed.get("version").asInt()).isEqualTo(2);
        assertThat(fixed.get("findings").toString()).doesNotContain(DEADLINE_RULE);
        JsonNode resubmitted = json(as("staff-a").post().uri("/api/drafts/" + id + "/submit")
                .bodyValue(Map.of()).exchange(), 200);
        assertThat(resubmitted.get("unusedOverrides").get(0).get("ruleId").asString()).isEqualTo(DEADLINE_RULE);

        JsonNode diff = json(as("staff-a").get().uri("/api/drafts/" + id + "/diff?from=1&to=2").exchange(), 200);
        JsonNode changed = diff.get("indicators").get(row);
        assertThat(changed.get("change").asString()).isEqualTo("CHANGED");
        assertThat(changed.get("changedFields").toString()).contains("value");
        assertThat(changed.get("rulesBefore").toString()).contains(DEADLINE_RULE);
        assertThat(changed.get("rulesAfter").size()).isZero();
        assertThat(diff.get("indicators").get(0).get("change").asString()).isEqualTo("UNCHANGED");
    }

    @Test
    void whyNamesTheRuleAndShowsCompliantRowsOfTheSameCategoryFromSimilarProjects() {
        Map<String, Object> vague = DraftFixtures.vague(DEPARTMENT_A);
        int row = DraftFixtures.timelinessRow(vague);
        long id = create("staff-a", vague).get("id").asLong();
        JsonNode why = json(as("staff-a").get().uri("/api/drafts/" + id + "/why/" + row).exchange(), 200);
        JsonNode finding = why.get("findings").get(0);
        assertThat(finding.get("ruleId").asString()).isEqualTo(DEADLINE_RULE);
        assertThat(finding.get("why").asString()).isNotBlank();
        assertThat(finding.get("fix").asString()).isNotBlank();
        assertThat(finding.get("basis").size()).isPositive();
        assertThat(finding.get("span").get("end").asInt()).isEqualTo(DraftFixtures.VAGUE_DEADLINE.length());
        assertThat(why.get("examples").size()).isBetween(1, 3);
        why.get("examples").forEach(e -> {
            assertThat(e.get("level2").asString()).isEqualTo("时效指标");
            assertThat(e.get("source").asString()).isNotBlank();
            assertThat(e.get("value").asString()).isNotEqualTo(DraftFixtures.VAGUE_DEADLINE);
        });
    }

    @Test
    void approvedDeclarationIsFoundBySimilarAtOnce() {
        Map<String, Object> d = DraftFixtures.measurable(DEPARTMENT_A);
        d.put("projectName", "石鼓区城乡居民医保参保财政补助审核样例");
        long id = create("staff-a", d).get("id").asLong();
        json(as("staff-a").post().uri("/api/drafts/" + id + "/submit").bodyValue(Map.of()).exchange(), 200);
        json(as("reviewer-a").post().uri("/api/drafts/" + id + "/review")
                .bodyValue(Map.of("decision", "APPROVE")).exchange(), 200);
        JsonNode similar = json(as("staff-a").post().uri("/api/similar")
                .bodyValue(Map.of("projectName", "石鼓区城乡居民医保参保财政补助审核样例")).exchange(), 200);
        assertThat(similar.get("hits").toString()).contains(DraftService.APPROVED_SOURCE + id);
    }

    @Test
    void priorYearFindsLastYearsDraftOfTheSameProjectAndDepartment() {
        Map<String, Object> last = DraftFixtures.measurable(DEPARTMENT_A);
        last.put("year", 2031);
        last.put("projectName", "2031年城乡居民医疗保险区级财政补助资金");
        long lastId = create("staff-a", last).get("id").asLong();
        Map<String, Object> now = DraftFixtures.measurable(DEPARTMENT_A);
        now.put("year", 2032);
        long id = create("staff-a", now).get("id").asLong();
        JsonNode prior = json(as("staff-a").get().uri("/api/drafts/" + id + "/prior").exchange(), 200);
        assertThat(prior.get("found").asBoolean()).isTrue();
        assertThat(prior.get("draftId").asLong()).isEqualTo(lastId);
        assertThat(prior.get("declaration").get("indicators").size()).isPositive();
    }

    @Test
    void staffCannotCreateADraftForAnotherDepartmentNorImportIntoTheCorpus() {
        json(as("staff-a").post().uri("/api/drafts").bodyValue(DraftFixtures.measurable(DEPARTMENT_B)).exchange(), 403);
        json(as("staff-a").post().uri("/api/import").bodyValue(Map.of()).exchange(), 403);
    }

    @Test
    void theRuleConfigurationInForceIsInTheAuditAndOnlyAdminsReadIt() {
        JsonNode events = json(client().get().uri("/api/admin/audit").exchange(), 200);
        assertThat(events.get(0).get("action").asString()).isEqualTo(RuleConfigurationAudit.ACTION);
        assertThat(events.get(0).get("detail").get("after").has("disabled")).isTrue();
        json(as("reviewer-a").get().uri("/api/admin/audit").exchange(), 403);
    }

    @Test
    void deletedDraftIsGoneFromTheListAndTheAuditKeepsIt() {
        long id = create("staff-a", DraftFixtures.measurable(DEPARTMENT_A)).get("id").asLong();
        as("staff-a").method(HttpMethod.DELETE).uri("/api/drafts/" + id).exchange().expectStatus().isNoContent();
        json(as("staff-a").get().uri("/api/drafts/" + id).exchange(), 404);
        JsonNode list = json(as("staff-a").get().uri("/api/drafts").exchange(), 200);
        list.forEach(s -> assertThat(s.get("id").asLong()).isNotEqualTo(id));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE draft_id = :id ORDER BY id").param("id", id)
                .query(String.class).list()).containsExactly("CREATE", "DELETE");
    }

    @Test
    void theAuditRefusesToBeRewritten() {
        long id = create("staff-a", DraftFixtures.measurable(DEPARTMENT_A)).get("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone' WHERE draft_id = :id")
                .param("id", id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE draft_id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
    }
}
