package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The drafting panels on a laptop screen (1366×768) and in a narrow window (800 px): the category selects show their
 * longest option before and after a check, what blocks the declaration is in view with the main actions, and a row
 * taken from a generic template says so in the table and in the assistant's words.
 */
class PanelLayoutBrowserIT extends PanelBrowserTest {

    /**
     * For each select matching the selector: how many pixels narrower it is than the same select, in the same cell,
     * left to its own width (which Chromium takes from the longest option), and how far it sticks out of the visible part of its
     * table. Both are 0 when every option can be read in full.
     */
    private static final String SELECT_SHORTFALL = """
            return [...document.querySelectorAll(arguments[0])].map((s) => {
              const free = s.cloneNode(true);
              free.style.cssText = 'position:absolute;left:0;top:0;width:auto;min-width:0;max-width:none';
              s.parentElement.append(free);
              const natural = free.getBoundingClientRect().width;
              free.remove();
              const box = s.getBoundingClientRect();
              const visible = s.closest('.table-scroll').getBoundingClientRect();
              return Math.max(0, Math.ceil(natural - box.width)) + Math.max(0, Math.ceil(box.right - visible.right));
            });""";

    private static final String IN_VIEWPORT = """
            const r = arguments[0].getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight
                && r.right <= window.innerWidth;""";

    private boolean inViewport(WebElement element) {
        return Boolean.TRUE.equals(browser.executeScript(IN_VIEWPORT, element));
    }

    private void scrollToBottom() {
        browser.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
    }

    @SuppressWarnings("unchecked")
    private List<Long> selectShortfalls(String selector) {
        return (List<Long>) browser.executeScript(SELECT_SHORTFALL, selector);
    }

    private void openDraftsAsStaff(String username) {
        createUser(username, "STAFF", "石鼓区医疗保障局");
        login(username, passwordOf(username));
        browser.get(baseUrl() + "/drafts.html");
    }

    /** Two rows in the longest 一级 and 二级 categories, with vague values that the check flags at length. */
    private void addRowsWithTheLongestCategories(String table, String addButton) {
        addRow(table, addButton, "满意度指标", "服务对象满意度指标", "参保群众满意度", "较高");
        addRow(table, addButton, "成本指标", "生态环境成本指标", "补助资金拨付进度对环境的影响", "按计划完成");
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "800, 600"})
    void draftingPanelSelectsShowTheirLongestOptionBeforeAndAfterACheck(int width, int height) {
        viewport(width, height);
        browser.get(baseUrl() + "/");
        browser.findElement(By.id("projectName")).sendKeys("城乡居民医疗保险区级财政补助资金");
        addRowsWithTheLongestCategories("indicators", "add-row");
        assertThat(selectShortfalls("#indicators select")).hasSize(4).containsOnly(0L);

        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#indicators .finding.ERROR")));
        assertThat(selectShortfalls("#indicators select")).hasSize(4).containsOnly(0L);
        assertThat(new Select(browser.findElements(By.cssSelector("#indicators select")).get(1))
                .getFirstSelectedOption().getText()).isEqualTo("服务对象满意度指标");
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "800, 600"})
    void draftsPageSelectsShowTheirLongestOptionAfterSaving(int width, int height) {
        viewport(width, height);
        openDraftsAsStaff("staff-layout-" + width);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-draft"))).click();
        browser.findElement(By.id("d-projectName")).sendKeys("城乡居民医疗保险区级财政补助资金");
        addRowsWithTheLongestCategories("d-indicators", "d-add-row");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-message"), "已保存第 1 版"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#d-indicators .finding.ERROR")));
        assertThat(selectShortfalls("#d-indicators select")).hasSize(4).containsOnly(0L);
    }

    @Test
    void checkSummaryAndMainActionsStayInViewOnALaptopScreen() {
        viewport(1366, 768);
        browser.get(baseUrl() + "/");
        browser.findElement(By.id("projectName")).sendKeys("城乡居民基本养老保险区级补助");
        browser.findElement(By.id("year")).sendKeys("2024");
        browser.findElement(By.id("overview")).sendKeys("对辖区城乡居民养老保险参保人员给予区级补助");
        browser.findElement(By.id("suggest")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已加入"));
        for (int i = 0; i < 4; i++) {
            addRow("indicators", "add-row", "产出指标", "时效指标", "补助资金拨付时间" + (i + 1), "按计划完成");
        }
        browser.findElement(By.id("check")).click();
        WebElement summary = browser.findElement(By.id("check-summary"));
        wait.until(ExpectedConditions.textToBePresentInElement(summary, "必须修改"));

        scrollToBottom();
        assertThat(summary.getText()).contains("必须修改").contains("行");
        assertThat(List.of(summary, browser.findElement(By.id("check")), browser.findElement(By.id("suggest")),
                browser.findElement(By.id("add-row")))).allMatch(this::inViewport);
    }

    @Test
    void blockingProblemsAndMainActionsOfADraftAreInViewOnALaptopScreen() {
        viewport(1366, 768);
        openDraftsAsStaff("staff-blocking");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-draft"))).click();
        browser.findElement(By.id("d-projectName")).sendKeys("城乡居民医疗保险区级财政补助资金");
        browser.findElement(By.id("d-year")).sendKeys("2024");
        for (int i = 0; i < 8; i++) {
            addRow("d-indicators", "d-add-row", "产出指标", "数量指标", "参保缴费人数" + (i + 1), "102300人");
        }
        addRow("d-indicators", "d-add-row", "产出指标", "时效指标", "补助资金拨付时间", "按计划完成");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-message"), "已保存第 1 版"));
        browser.executeScript("window.scrollTo(0, 0)");
        browser.findElement(By.id("submit")).click();

        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("blocking-summary")));
        assertThat(summary.getText()).contains("不能提交");
        assertThat(browser.findElement(By.id("blocking")).getText()).contains("第 9 行");
        assertThat(List.of(summary, browser.findElement(By.id("save")), browser.findElement(By.id("submit")),
                browser.findElement(By.id("editor-message")))).allMatch(this::inViewport);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "800, 600"})
    void aRowFromAGenericTemplateIsLabelledAsATemplate(int width, int height) {
        viewport(width, height);
        browser.get(baseUrl() + "/");
        browser.findElement(By.id("projectName")).sendKeys("专项工作经费");
        browser.findElement(By.id("year")).sendKeys("2026");
        browser.findElement(By.id("fundsWanYuan")).sendKeys("20");
        browser.findElement(By.id("suggest")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已加入"));

        List<WebElement> templates = browser.findElements(By.cssSelector("#indicators tbody tr.template"));
        assertThat(templates).isNotEmpty().allSatisfy(row -> {
            assertThat(row.findElement(By.cssSelector("td:nth-child(3)")).getText()).contains("通用模板");
            assertThat(row.findElement(By.cssSelector(".template-badge")).isDisplayed()).isTrue();
        });
        String said = browser.findElement(By.id("messages")).getText();
        assertThat(said).contains("条来自通用模板").doesNotContain("每条都已通过");

        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-summary"), "通用模板"));
        assertThat(browser.findElements(By.cssSelector("#indicators tbody tr.template"))).allSatisfy(row ->
                assertThat(row.getText()).contains("通用模板").doesNotContain("✓ 可衡量"));
    }
}
