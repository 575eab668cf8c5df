package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Drafting with no model configured: the panel says so, and offline proposals arrive already checked. */
class SuggestPanelBrowserIT extends PanelBrowserTest {

    private void describeProject() {
        browser.findElement(By.id("projectName")).sendKeys("城乡居民基本养老保险区级补助");
        browser.findElement(By.id("fundsWanYuan")).sendKeys("150");
        browser.findElement(By.id("year")).sendKeys("2024");
        browser.findElement(By.id("overview")).sendKeys("对辖区5000名城乡居民养老保险参保人员按每人每月42元给予区级补助");
    }

    @Test
    void saysNoModelIsInUseAndProposesCheckedRows() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("llm-status"), "未配置大模型"));
        describeProject();
        browser.findElement(By.id("suggest")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已加入"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#indicators tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        // The only blocking findings are the numbers the description does not give: the user fills them in.
        assertThat(browser.findElements(By.cssSelector("#indicators .finding.ERROR")))
                .allMatch(f -> f.getText().contains("请填写"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("未配置大模型");
        for (WebElement input : browser.findElements(By.cssSelector("#indicators tbody td:nth-child(4) input"))) {
            String value = input.getAttribute("value");
            if (value.contains("【请填写】")) {
                input.clear();
                input.sendKeys(value.endsWith("【请填写】前") ? "2024年12月31日前" : value.replace("【请填写】", "90"));
            }
        }

        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-summary"), "没有必须修改的问题"));
    }

    @Test
    void listsSimilarPastProjectsWithScoreMatchedTermsAndALinkThatOpensTheProject() {
        describeProject();
        browser.findElement(By.id("similar")).click();
        WebElement first = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .similar li")));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("相似的历史项目").contains("养老");
        assertThat(first.findElement(By.cssSelector(".score")).getText()).containsPattern("相似度 0\\.\\d\\d");
        assertThat(first.findElement(By.cssSelector(".matched")).getText()).startsWith("匹配：").contains("（项目名称");

        WebElement link = first.findElement(By.tagName("a"));
        String project = link.getText();
        String panel = browser.getWindowHandle();
        link.click();
        switchToTheNewWindow(panel);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-title"), project));
        assertThat(browser.findElements(By.cssSelector("#project-indicators tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("project-facts")).getText()).contains("来源文件");
    }
}
