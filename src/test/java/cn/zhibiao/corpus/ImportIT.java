package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.AppTest;

/** The real application with its embedded PostgreSQL: an uploaded legacy form is read, stored and kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppTest.dataDirectory(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportedDeclarations store;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private WebTestClient.ResponseSpec upload(String name, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return client().post().uri("/api/import").body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

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
    void answersAnUnreadableUploadWithAChineseMessageNamingTheFile() {
        upload("坏文件.docx", "不是压缩包".getBytes())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("坏文件.docx").contains("不是有效的"));
    }
}
