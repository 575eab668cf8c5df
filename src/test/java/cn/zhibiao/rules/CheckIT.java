package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import cn.zhibiao.system.RunningApp;
import cn.zhibiao.system.Json;

/** The checker as the panel and other tools reach it: the real application over HTTP. */
@TestPropertySource(properties = "zhibiao.rules.disabled=SATISFACTION_FULL_MARKS")
class CheckIT extends RunningApp {

    private static String declaration(String file, String projectName) throws Exception {
        for (JsonNode d : Json.mapper().readTree(Files.readString(Path.of("corpus/declarations", file)))) {
            if (d.get("projectName").asString().equals(projectName)) {
                return d.toString();
            }
        }
        throw new AssertionError(projectName);
    }

    @Test
    void flagsEveryCompletionClaimOfTheSoftwareMaintenanceForm() throws Exception {
        String body = declaration("004_6c5a41dc90e5fafe.json", "软件维护费经费");
        client().post().uri("/api/check").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.value == '完成' && @.severity == 'ERROR')]").exists()
                .jsonPath("$[0].ruleId").isNotEmpty()
                .jsonPath("$[0].message").isNotEmpty();
    }

    @Test
    void servesTheEffectiveCatalogWithBureauOverrides() {
        client().get().uri("/api/rules").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'SATISFACTION_OVER_100')]").exists()
                .jsonPath("$[?(@.id == 'SATISFACTION_FULL_MARKS')]").exists();
        client().get().uri("/api/rules/SATISFACTION_FULL_MARKS").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(false);
        client().get().uri("/api/rules/SATISFACTION_OVER_100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.why").isNotEmpty()
                .jsonPath("$.fix").isNotEmpty()
                .jsonPath("$.badExamples.length()").isNotEmpty()
                .jsonPath("$.goodExamples.length()").isNotEmpty();
    }

    @Test
    void answersMalformedDeclarationWithAChineseMessageNamingTheField() {
        client().post().uri("/api/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\":\"测试\",\"indicators\":[{\"level2\":\"数量指标\",\"value\":\"10人\",\"scope\":\"每年\"}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("scope"));
        client().get().uri("/api/rules/NO_SUCH_RULE").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("未知规则"));
    }
}
