package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A staff member drafts on the server and a reviewer decides: a vague deadline is saved but flagged, blocks the
 * submission with its row named, is fixed and submitted; the reviewer reads why a row is flagged, with examples
 * from similar projects, and returns the draft with a comment the staff member then sees.
 */
class DraftReviewBrowserIT extends PanelBrowserTest {

    private static final String DEPARTMENT = "石鼓区医疗保障局";

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#d-indicators tbody tr"));
    }

    private void addRow(String level1, String level2, String name, String value) {
        addRow("d-indicators", "d-add-row", level1, level2, name, value);
    }

    private void waitForMessage(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-message"), text));
    }

    @Test
    void staffImportingAnOldFormOnTheDraftingPanelGetsADraftNotALibraryUpload() {
        createUser("staff-import", "STAFF", DEPARTMENT, "石鼓区社会保险服务中心", "石鼓区退役军人事务局");
        login("staff-import", passwordOf("staff-import"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-label"), "从旧申报表创建草稿"));
        browser.findElement(By.id("import-file"))
                .sendKeys(Path.of("corpus/declarations/raw/003_509232d1be82661b.txt").toAbsolutePath().toString());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), "第 1 版"));
        assertThat(browser.getCurrentUrl()).contains("/drafts.html#");
        assertThat(browser.findElement(By.id("d-projectName")).getDomProperty("value")).contains("医疗");
        assertThat(rows()).isNotEmpty();
    }

    @Test
    void staffDraftsAndSubmitsReviewerExplainsAndReturnsStaffSeesTheComment() {
        createUser("staff-browser", "STAFF", DEPARTMENT);
        createUser("reviewer-browser", "REVIEWER", DEPARTMENT);

        login("staff-browser", passwordOf("staff-browser"));
        browser.get(baseUrl() + "/drafts.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-draft"))).click();
        browser.findElement(By.id("d-projectName")).sendKeys("城乡居民医疗保险区级财政补助资金");
        browser.findElement(By.id("d-year")).sendKeys("2024");
        addRow("产出指标", "数量指标", "参保缴费人数", "102300人");
        addRow("产出指标", "时效指标", "补助资金拨付时间", "按计划完成");
        addRow("产出指标", "时效指标", "补助资金拨付频次", "每季度");
        browser.findElement(By.id("save")).click();
        waitForMessage("已保存第 1 版");
        assertThat(browser.findElement(By.id("editor-message")).getText()).contains("必须修改");
        assertThat(rows().get(1).findElement(By.cssSelector(".finding.ERROR")).getText()).contains("按计划完成");

        browser.findElement(By.id("submit")).click();
        WebElement blocking = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("blocking")));
        assertThat(blocking.getText()).contains("第 2 行").contains("补助资金拨付时间");
        assertThat(blocking.findElements(By.cssSelector(".blocking-item"))).hasSize(1);

        WebElement value = rows().get(1).findElements(By.tagName("input")).get(1);
        value.clear();
        value.sendKeys("2024年6月30日前");
        browser.findElement(By.id("save")).click();
        waitForMessage("已保存第 2 版");
        browser.findElement(By.id("submit")).click();
        waitForMessage("已提交审核");

        login("reviewer-browser", passwordOf("reviewer-browser"));
        browser.get(baseUrl() + "/drafts.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#review-queue tbody tr"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        rows().get(2).findElement(By.cssSelector("a.why")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("why-dialog")));
        assertThat(dialog.getText()).contains("原因").contains("改法").contains("相似项目中的合格写法");
        List<WebElement> examples = dialog.findElements(By.cssSelector("#why-examples li"));
        assertThat(examples).isNotEmpty();
        assertThat(examples.getFirst().getText()).contains("来源");
        dialog.findElement(By.tagName("button")).click();

        new Select(browser.findElement(By.id("review-row"))).selectByIndex(3);
        browser.findElement(By.id("review-comment")).sendKeys("请写明每季度拨付的具体日期");
        browser.findElement(By.id("return")).click();
        waitForMessage("已退回");

        login("staff-browser", passwordOf("staff-browser"));
        browser.get(baseUrl() + "/drafts.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#draft-list tbody tr"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "已退回"));
        assertThat(rows().get(2).findElement(By.cssSelector(".comment")).getText())
                .contains("请写明每季度拨付的具体日期").contains("reviewer-browser");
    }
}
