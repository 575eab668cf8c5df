package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class SimilarControllerTest {

    @TempDir
    static Path dir;
    static SimilarProjects projects;
    static Scheduler scheduler;
    static WebTestClient client;

    @BeforeAll
    static void open() {
        projects = SimilarProjects.open(TestIndexes.settings(dir));
        scheduler = Schedulers.newBoundedElastic(2, 10, "test-retrieval");
        // The same body limit as spring.http.codecs.max-in-memory-size in application.yaml.
        client = WebTestClient.bindToController(new SimilarController(projects, scheduler))
                .httpMessageCodecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024)).build();
    }

    @AfterAll
    static void close() throws Exception {
        scheduler.dispose();
        projects.close();
    }

    @Test
    void similarReturnsHitsWithTheContractFields() {
        client.post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("projectName", "城乡居民医保区级财政补助", "department", "某区医疗保障局",
                        "region", "湖南省长沙市岳麓区", "year", 2024, "fundsWanYuan", 300, "k", 3))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.belowThreshold").isEqualTo(false)
                .jsonPath("$.hits.length()").isEqualTo(3)
                .jsonPath("$.hits[0].declarationId").isNotEmpty()
                .jsonPath("$.hits[0].source").isNotEmpty()
                .jsonPath("$.hits[0].projectName").isNotEmpty()
                .jsonPath("$.hits[0].region").isNotEmpty()
                .jsonPath("$.hits[0].department").isNotEmpty()
                .jsonPath("$.hits[0].year").isNumber()
                .jsonPath("$.hits[0].fundsWanYuan").isNumber()
                .jsonPath("$.hits[0].score").isNumber()
                .jsonPath("$.hits[0].legs").isArray()
                .jsonPath("$.hits[0].matchedTerms[0].term").isNotEmpty()
                .jsonPath("$.hits[0].matchedTerms[0].fields").isArray()
                .jsonPath("$.hits[0].indicators").isArray();
    }

    @Test
    void aHitsDeclarationIdOpensThatProject() {
        Hit hit = projects.search(new ProjectQuery("城乡居民医保区级财政补助", null, null, null, null, null), 1)
                .hits().getFirst();
        client.get().uri("/api/declarations/{id}", hit.declarationId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.source").isEqualTo(hit.source())
                .jsonPath("$.projectName").isEqualTo(hit.projectName())
                .jsonPath("$.indicators[0].name").isNotEmpty();
    }

    @Test
    void anUnknownDeclarationIsNotFound() {
        client.get().uri("/api/declarations/{id}", "no-such-project").exchange().expectStatus().isNotFound();
    }

    @Test
    void emptyQueryIsA400WithAChineseMessage() {
        client.post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("projectName", "", "k", 5))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("请填写项目名称"));
    }

    @Test
    void punctuationOnlyQueryAnswersBelowThreshold() {
        client.post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("projectName", "？？？！！！……"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.belowThreshold").isEqualTo(true)
                .jsonPath("$.hits.length()").isEqualTo(0);
    }

    @Test
    void hundredThousandCharacterOverviewIsAnswered() {
        client.post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("projectName", "就业创业补贴", "overview", "落实就业创业扶持政策。".repeat(10_000)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.belowThreshold").isBoolean();
    }

    @Test
    void similarIndicatorsReturnRowsWithTheirDeclaration() {
        client.post().uri("/api/similar-indicators").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level2", "服务对象满意度指标", "text", "参保群众满意度", "k", 3))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hits.length()").isEqualTo(3)
                .jsonPath("$.hits[0].indicator.level2").isEqualTo("服务对象满意度指标")
                .jsonPath("$.hits[0].declarationId").isNotEmpty()
                .jsonPath("$.hits[0].projectName").isNotEmpty()
                .jsonPath("$.hits[0].matchedTerms").isArray();
    }

    @Test
    void similarIndicatorsWithoutTextIsA400() {
        client.post().uri("/api/similar-indicators").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level2", "数量指标", "text", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("指标"));
    }
}
