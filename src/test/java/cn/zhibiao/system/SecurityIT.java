package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.databind.JsonNode;

/** The door of the running app: who gets in, how, and what the browser is told to refuse. */
class SecurityIT extends RunningApp {

    @Test
    void anApiCallWithoutLoginGets401JsonNotARedirect() {
        for (String path : List.of("/api/drafts", "/api/rules", "/api/me")) {
            anonymous().get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.message").value(m -> assertThat((String) m).contains("请先登录"));
        }
        anonymous().post().uri("/api/drafts").bodyValue(Map.of()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void statusLoginPageAndStaticAssetsAreOpenThePanelRedirectsToLogin() {
        anonymous().get().uri("/api/status").exchange().expectStatus().isOk();
        anonymous().get().uri("/login.html").exchange().expectStatus().isOk();
        anonymous().get().uri("/style.css").exchange().expectStatus().isOk();
        anonymous().get().uri("/").exchange()
                .expectStatus().isFound()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/login.html"));
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        anonymous().get().uri("/login.html").exchange()
                .expectHeader().value("Content-Security-Policy",
                        csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin");
    }

    @Test
    void formLoginGivesASessionWhoseWritesNeedTheCsrfTokenFromTheCookie() {
        EntityExchangeResult<byte[]> page = anonymous().get().uri("/login.html").exchange().expectBody().returnResult();
        ResponseCookie csrf = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isFalse();

        EntityExchangeResult<byte[]> login = anonymous().post().uri("/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", ADMIN).with("password", ADMIN_PASSWORD)
                        .with("_csrf", csrf.getValue()))
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult();
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");
        ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();

        anonymous().get().uri("/api/me").cookie("SESSION", session.getValue()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo(ADMIN);
        anonymous().post().uri("/api/admin/departments").cookie("SESSION", session.getValue())
                .bodyValue(Map.of("name", "会话测试部门")).exchange()
                .expectStatus().isForbidden();
        anonymous().post().uri("/api/admin/departments").cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", csrf.getValue()).header("X-XSRF-TOKEN", csrf.getValue())
                .bodyValue(Map.of("name", "会话测试部门")).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottledEvenWithTheRightPassword() {
        createUser("throttled", "STAFF", "节流测试部门");
        for (int i = 0; i < 5; i++) {
            clientAs("throttled", "wrong-password").get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        }
        clientAs("throttled", passwordOf("throttled")).get().uri("/api/me").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("登录失败次数过多"));
        clientAs("staff-free", "any").get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyAnAdminCreatesUsersAndAStaffMemberSeesOnlyTheirDepartments() {
        createUser("staff-sec", "STAFF", "安全测试部门");
        clientAs("staff-sec", passwordOf("staff-sec")).post().uri("/api/admin/users")
                .bodyValue(Map.of("username", "x", "password", "xxxxxxxxxx", "role", "ADMIN", "departments", List.of()))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        byte[] me = clientAs("staff-sec", passwordOf("staff-sec")).get().uri("/api/me").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode account = Json.mapper().readTree(me);
        assertThat(account.get("role").asString()).isEqualTo("STAFF");
        assertThat(account.get("departments").toString()).contains("安全测试部门");
    }
}
