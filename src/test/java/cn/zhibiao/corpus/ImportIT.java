package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;
import cn.zhibiao.system.RunningApp;
import tools.jackson.databind.JsonNode;

/** The real application with its embedded PostgreSQL: an uploaded legacy form is read, stored and kept. */
class ImportIT extends RunningApp {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportedDeclarations store;

    @Test
    void storesTheDeclarationsOfAnUploadedFormInPostgres() throws Exception {
        upload("衡阳石鼓区2023.txt", Files.readAllBytes(Seeds.file("003")))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.declarations.length()").isEqualTo(4)
                .jsonPath("$.declarations[0].projectName").isEqualTo("城乡居民医疗保险区级财政补助资金")
                .jsonPath("$.declarations[0].indicatorCount").isEqualTo(7);

        List<Declaration> stored = store.all();
        assertThat(stored).extracting(Declaration::projectName).contains("城乡居民医疗保险区级财政补助资金", "义务兵家庭优待金");
        Declaration insurance = stored.stream()
                .filter(d -> d.projectName().equals("城乡居民医疗保险区级财政补助资金")).findFirst().orElseThrow();
        assertThat(insurance.indicators().get(2).parsed().number()).isEqualByComparingTo("95");
        String version = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL");
    }

    @Test
    void importingTheSameFormTwiceKeepsOneCopy() throws Exception {
        byte[] form = Files.readAllBytes(Seeds.file("002"));
        upload("民政局.txt", form).expectStatus().isOk();
        upload("民政局.txt", form).expectStatus().isOk();
        long copies = jdbc.sql("SELECT count(*) FROM declaration WHERE project_name = '城市低保金'").query(Long.class)
                .single();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void aSecondUploadOfTheSameNameDoesNotChangeTheFirst() throws Exception {
        String form = Files.readString(Seeds.file("002"));
        String changed = form.replace("有效保障城市困难群众", "有效保障全市困难群众");
        assertThat(changed).isNotEqualTo(form);
        String first = firstId(upload("民政.txt", form.getBytes()).expectStatus().isOk());
        String body = jdbc.sql("SELECT body::text FROM declaration WHERE id = :id").param("id", first)
                .query(String.class).single();

        String second = firstId(upload("民政.txt", changed.getBytes()).expectStatus().isOk());

        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT body::text FROM declaration WHERE id = :id").param("id", first)
                .query(String.class).single()).isEqualTo(body).contains("有效保障城市困难群众");
        client().post().uri("/api/similar").bodyValue(Map.of("projectName", "城市低保金", "k", 10))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.hits[*].declarationId").value(ids -> assertThat(ids.toString())
                        .contains(first).contains(second));
    }

    /** The id the import answered for the 城市低保金 declaration. */
    private static String firstId(WebTestClient.ResponseSpec response) {
        JsonNode imported = Json.mapper().readTree(response.expectBody(String.class).returnResult().getResponseBody());
        return imported.path("declarations").valueStream()
                .filter(d -> d.path("projectName").asString().equals("城市低保金"))
                .findFirst().orElseThrow().path("id").asString();
    }

    @Test
    void answersAnUnreadableUploadWithAChineseMessageNamingTheFile() {
        upload("坏文件.docx", "不是压缩包".getBytes())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("坏文件.docx").contains("不是有效的"));
    }
}
