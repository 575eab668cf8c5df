package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.zhibiao.system.Json;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Talking to the assistant beside a server-side draft, on a laptop screen and in a narrow window: a proposal streams
 * in as a card that changes the table and the version only when accepted; "why is this row flagged" answers with the
 * rule and a compliant example whose source opens; a question is answered in place and the number is used; the
 * conversation comes back after a reload; nothing the assistant writes is read as HTML.
 */
class ChatPanelBrowserIT extends PanelBrowserTest {

    /** The chat fixture draft (row 3 is a 时效 row "按时完成"), saved by a new staff member who then opens it. */
    private void openFixtureDraft(String username, String moreGoal) {
        Map<String, Object> declaration;
        try (InputStream in = ChatPanelBrowserIT.class.getResourceAsStream("/chat/draft.json")) {
            declaration = Json.mapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        declaration.put("annualGoal", declaration.get("annualGoal") + moreGoal);
        openDraft(username, declaration);
    }

    private void openDraft(String username, Map<String, Object> declaration) {
        createUser(username, "STAFF", (String) declaration.get("department"));
        JsonNode created = Json.mapper().readTree(clientAs(username, passwordOf(username)).post().uri("/api/drafts")
                .bodyValue(declaration).exchange().expectStatus().isCreated().expectBody().returnResult()
                .getResponseBody());
        login(username, passwordOf(username));
        browser.get(baseUrl() + "/drafts.html#" + created.get("id").asLong());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), "第 1 版"));
    }

    private void say(String message) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("chat-input")));
        input.sendKeys(message);
        browser.findElement(By.id("chat-send")).click();
    }

    private WebElement lastAnswer() {
        return browser.findElements(By.cssSelector("#chat-log .message.assistant")).getLast();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#d-indicators tbody tr"));
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "800, 600"})
    void aProposedTimelinessRowIsACardThatChangesTheTableAndVersionOnlyWhenAccepted(int width, int height) {
        viewport(width, height);
        openFixtureDraft("chat-propose-" + width, "2024年12月31日前完成补贴发放。");
        assertThat(rows()).hasSize(5);

        say("补充时效指标");

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".change-card")));
        assertThat(card.getText()).contains("新增").contains("时效指标");
        assertThat(rows()).hasSize(5);
        assertThat(browser.findElement(By.id("editor-title")).getText()).contains("第 1 版");
        String proposed = card.findElement(By.cssSelector(".change-row")).getText();

        card.findElement(By.cssSelector("button.accept")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), "第 2 版"));
        assertThat(card.findElement(By.cssSelector(".change-status")).getText()).contains("已接受").contains("第 2 版");
        assertThat(rows()).hasSize(6);
        String name = proposed.split(" ｜ ")[1];
        assertThat(rows()).anySatisfy(row -> assertThat(row.findElements(By.tagName("input")).getFirst()
                .getDomProperty("value")).isEqualTo(name));

        browser.navigate().refresh();
        WebElement reloaded = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".change-card")));
        assertThat(reloaded.getText()).contains("已接受");
        assertThat(browser.findElement(By.cssSelector("#chat-log .message.user")).getText()).isEqualTo("补充时效指标");
    }

    @Test
    void askingWhyARowIsFlaggedShowsTheRuleAndACompliantExampleWhoseSourceOpens() {
        viewport(1366, 768);
        openFixtureDraft("chat-why", "");

        say("第3行为什么被标记？");

        WebElement rule = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#chat-log .answer-extras .finding")));
        assertThat(rule.getText()).startsWith("规则：").contains("必须修改").contains("依据");
        wait.until(d -> lastAnswer().getText().contains("相似项目中通过检查的时效指标写法"));
        WebElement example = lastAnswer().findElement(By.cssSelector(".md ul li"));
        assertThat(example.getText()).contains("《");
        wait.until(d -> !lastAnswer().findElements(By.cssSelector(".sources a")).isEmpty());

        WebElement source = lastAnswer().findElements(By.cssSelector(".sources a")).getFirst();
        String title = source.getText();
        String panel = browser.getWindowHandle();
        source.click();
        switchToTheNewWindow(panel);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-title"), "《"));
        assertThat(title).startsWith(browser.findElement(By.id("project-title")).getText().split("（")[0]);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "800, 600"})
    void aNumberAnsweredToTheAssistantsQuestionIsUsedInItsProposal(int width, int height) {
        viewport(width, height);
        openFixtureDraft("chat-question-" + width, "");

        say("补充一个数量指标");

        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.question")));
        assertThat(question.getText()).contains("多少人");
        question.findElement(By.tagName("input")).sendKeys("3200人");
        question.findElement(By.tagName("button")).click();

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".change-card")));
        assertThat(card.findElement(By.cssSelector(".change-row")).getText()).contains("3200");
        assertThat(lastAnswer().getText()).contains("3200人");
        assertThat(question.findElement(By.tagName("input")).isEnabled()).isFalse();
    }

    @Test
    void aRowAcceptedFromAGenericTemplateIsLabelledAsATemplateOnTheCardAndInTheTable() {
        viewport(1366, 768);
        openDraft("chat-template", Map.of("kind", "PROJECT", "department", "石鼓区总工会", "year", 2026,
                "projectName", "专项工作经费", "fundsWanYuan", 20, "overview", "2026年12月31日前完成，服务200人。",
                "indicators", List.of()));

        say("补充指标");

        wait.until(d -> lastAnswer().getText().contains("接受后才会写入草稿"));
        assertThat(lastAnswer().getText()).contains("来自通用模板").contains("未经本项目核实");
        // Each proposed addition is placed after the ones before it: they are accepted in order.
        List<WebElement> cards = browser.findElements(By.cssSelector(".change-card"));
        int template = 0;
        while (cards.get(template).findElements(By.cssSelector(".template-badge")).isEmpty()) {
            template++;
        }
        String name = cards.get(template).findElement(By.cssSelector(".change-row")).getText().split(" ｜ ")[1];
        for (int i = 0; i <= template; i++) {
            cards.get(i).findElement(By.cssSelector("button.accept")).click();
            String version = "第 " + (i + 2) + " 版";
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), version));
        }

        WebElement row = browser.findElement(By.cssSelector("#d-indicators tbody tr.template"));
        assertThat(row.findElements(By.tagName("input")).getFirst().getDomProperty("value")).isEqualTo(name);
        assertThat(row.getText()).contains("通用模板").doesNotContain("✓ 可衡量");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-indicators tbody tr.template")));
    }

    @Test
    void theAssistantsTextIsRenderedAsMarkdownNeverAsHtml() {
        browser.get(baseUrl() + "/drafts.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-log")));
        Object counts = browser.executeScript("""
                const md = renderMarkdown('**规则**：`TIME`\\n- 第一条 <img src=x onerror="window.hacked=1">\\n'
                    + '  原因：<script>window.hacked=2</script>\\n1. [链接](javascript:alert(1))');
                document.body.append(md);
                return [md.querySelectorAll('img, script, a').length, md.querySelectorAll('strong, code, ul li, ol li')
                    .length, md.textContent.includes('<img src=x'), window.hacked === undefined];""");
        assertThat(counts).isEqualTo(List.of(0L, 4L, true, true));
    }
}
