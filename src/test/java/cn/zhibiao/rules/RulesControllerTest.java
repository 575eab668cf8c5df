package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.zhibiao.web.ApiErrors;

import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

class RulesControllerTest {

    private static final RulesProperties SETTINGS = RulesProperties.from(CommandSettings.load());
    private final WebTestClient client = WebTestClient
            .bindToController(new RulesController(new RuleChecker(SETTINGS), SETTINGS)).controllerAdvice(new ApiErrors())
            .build();

    @Test
    void returnsFindingsForADeclaration() {
        String body = """
                {"projectName": "软件维护费经费", "fundsWanYuan": 2, "unknownField": 1,
                 "indicators": [{"level1": "产出指标", "level2": "成本指标", "name": "学习培训", "value": "完成"}]}
                """;
        client.post().uri("/api/check").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].ruleId").isEqualTo("COST_NOT_MONETARY")
                .jsonPath("$[0].severity").isEqualTo("ERROR")
                .jsonPath("$[0].indicatorIndex").isEqualTo(0)
                .jsonPath("$[0].span.start").isEqualTo(0)
                .jsonPath("$[0].span.end").isEqualTo(2)
                .jsonPath("$[0].message").value(m -> assertThat((String) m).contains("“完成”"));
    }

    @Test
    void answersMalformedJsonWith400InChinese() {
        client.post().uri("/api/check").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"projectName\": ")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).startsWith("JSON 格式错误")
                        .contains("字段 projectName"));
    }

    @Test
    void namesTheFieldWithTheWrongType() {
        client.post().uri("/api/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\": \"x\", \"fundsWanYuan\": \"很多\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("fundsWanYuan").contains("应为数字"));
        client.post().uri("/api/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"indicators\": [{\"name\": \"a\", \"value\": \"1人\"}, {\"scope\": \"EVERY_DAY\"}]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("indicators[1].scope").contains("ANNUAL"));
    }

    @Test
    void checksATenThousandIndicatorDeclarationOverHttp() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level2", "时效指标");
            row.put("name", "完成时间" + i);
            row.put("value", i % 2 == 0 ? "2024年12月31日前" : "按计划完成");
            rows.add(row);
        }
        byte[] body = Json.mapper().writeValueAsBytes(Map.of("projectName", "大表", "indicators", rows));
        assertThat(body.length).isGreaterThan(256 * 1024);
        // Findings for 5,000 rows are several MB; the test client, not the server, needs the larger buffer.
        client.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build()
                .post().uri("/api/check").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.ruleId == 'TIME_NO_DEADLINE')].indicatorIndex")
                .value(ids -> assertThat((List<?>) ids).hasSize(5_000));
    }

    @Test
    void refusesADeclarationAboveTheConfiguredSize() {
        RulesProperties small = new RulesProperties(List.of(), Map.of(), SETTINGS.satisfactionMinPercent(),
                SETTINGS.fundsTolerance(), SETTINGS.workDescriptionLength(), SETTINGS.restatementOverlap(),
                org.springframework.util.unit.DataSize.ofKilobytes(1));
        WebTestClient.bindToController(new RulesController(new RuleChecker(small), small))
                .controllerAdvice(new ApiErrors()).build()
                .post().uri("/api/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\": \"" + "长".repeat(2048) + "\"}")
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("超过上限"));
    }

    @Test
    void listsTheEffectiveCatalog() {
        client.get().uri("/api/rules").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'SATISFACTION_OVER_100')].severity").isEqualTo("ERROR")
                .jsonPath("$[?(@.id == 'SATISFACTION_OVER_100')].enabled").isEqualTo(true);
    }

    @Test
    void explainsOneRuleWithWhyBasisEvidenceFixAndExamples() {
        client.get().uri("/api/rules/VALUE_VAGUE_COMPLETION").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.why").value(w -> assertThat((String) w).contains("完成"))
                .jsonPath("$.basis[0]").value(b -> assertThat((String) b).contains("《第三方绩效评价指标体系》"))
                .jsonPath("$.evidence[0]").isEqualTo("S9")
                .jsonPath("$.fix").exists()
                .jsonPath("$.badExamples.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(2))
                .jsonPath("$.goodExamples.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void answersUnknownRuleWith404InChinese() {
        client.get().uri("/api/rules/NO_SUCH_RULE").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("未知规则：NO_SUCH_RULE"));
    }
}
