package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.zhibiao.system.RunningApp;

/** Retrieval in the running application: the shipped corpus is searchable, and so is a form a user imports. */
class SimilarIT extends RunningApp {

    @Test
    void findsMedicalInsuranceProjectsOfOtherRegions() {
        client().post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\":\"城乡居民基本医疗保险财政补助\",\"region\":\"湖南省株洲市石峰区\",\"k\":5}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.belowThreshold").isEqualTo(false)
                .jsonPath("$.hits[?(@.region == '湖南省衡阳市石鼓区' && @.projectName == '城乡居民医疗保险区级财政补助资金')]")
                .exists()
                .jsonPath("$.hits[0].legs").isNotEmpty()
                .jsonPath("$.hits[0].matchedTerms").isNotEmpty();
    }

    @Test
    void makesAnImportedFormSearchableAtOnce() throws Exception {
        String form = Files.readString(Path.of("corpus/declarations/raw/003_509232d1be82661b.txt"),
                StandardCharsets.UTF_8).replace("义务兵家庭优待金", "乡村公交客运运营补贴资金")
                .replace("义务兵优待金", "乡村公交客运线路运营补贴");
        upload("交通局2023.txt", form.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk();

        client().post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"projectName\":\"乡村公交客运补贴\",\"k\":3}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hits[0].projectName").isEqualTo("乡村公交客运运营补贴资金")
                // An upload's source carries its server-generated upload id before the file name.
                .jsonPath("$.hits[0].source").value(source -> assertThat((String) source).startsWith("上传/")
                        .endsWith("/交通局2023.txt"));
    }

    @Test
    void refusesAnEmptyQueryInChinese() {
        client().post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"projectName\":\"\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).isNotBlank().doesNotContainPattern("[A-Za-z]{12,}"));
    }
}
