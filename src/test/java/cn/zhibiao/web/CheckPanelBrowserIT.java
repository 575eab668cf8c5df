package cn.zhibiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A staff member drafting in the panel: vague values are flagged before saving, and nothing typed is lost. */
class CheckPanelBrowserIT extends PanelBrowserTest {

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#indicators tbody tr"));
    }

    private void addRow(String level2, String name, String value) {
        browser.findElement(By.id("add-row")).click();
        WebElement row = rows().getLast();
        new Select(row.findElements(By.tagName("select")).get(1)).selectByVisibleText(level2);
        List<WebElement> inputs = row.findElements(By.tagName("input"));
        inputs.get(0).sendKeys(name);
        inputs.get(1).sendKeys(value);
    }

    @Test
    void flagsAVagueDeadlineAndExplainsWhy() {
        browser.findElement(By.id("projectName")).sendKeys("城乡居民医疗保险区级财政补助资金");
        addRow("时效指标", "补助资金拨付时间", "按计划完成");
        browser.findElement(By.id("check")).click();

        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".finding.ERROR")));
        assertThat(finding.getText()).contains("按计划完成");
        assertThat(browser.findElement(By.id("check-summary")).getText()).contains("必须修改");

        finding.findElement(By.linkText("为什么？")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("why")));
        assertThat(dialog.getText()).contains("原因").contains("改法").contains("合格的写法").contains("依据", "《")
                .contains("必须修改").doesNotContain("TIME_NO_DEADLINE");
    }

    @Test
    void acceptsAMeasurableDeadline() {
        browser.findElement(By.id("projectName")).sendKeys("义务兵家庭优待金");
        addRow("时效指标", "优待金发放时间", "2024年12月31日前");
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#indicators tbody tr td:nth-child(5)"), "✓ 可衡量"));
    }

    @Test
    void aNewRowTakesItsCategoryFromItsName() {
        Map<String, List<String>> expected = Map.of(
                "参保群众满意度", List.of("满意度指标", "服务对象满意度指标"),
                "补助资金拨付及时率", List.of("产出指标", "时效指标"),
                "检测合格率", List.of("产出指标", "质量指标"),
                "人均补助费用", List.of("成本指标", "经济成本指标"));
        expected.forEach((name, categories) -> {
            browser.findElement(By.id("add-row")).click();
            rows().getLast().findElements(By.tagName("input")).getFirst().sendKeys(name);
            List<String> shown = rows().getLast().findElements(By.tagName("select")).stream()
                    .map(s -> new Select(s).getFirstSelectedOption().getText()).toList();
            assertThat(shown).as(name).isEqualTo(categories);
        });
    }

    @Test
    void aCategoryTheUserPickedIsNotOverriddenByTheName() {
        addRow("社会效益指标", "群众满意度提升带动就业", "≥95%");
        assertThat(new Select(rows().getLast().findElements(By.tagName("select")).get(1)).getFirstSelectedOption()
                .getText()).isEqualTo("社会效益指标");
    }

    @Test
    void keepsWhatWasTypedAcrossAReload() {
        browser.findElement(By.id("projectName")).sendKeys("残疾人两项补贴");
        browser.findElement(By.id("fundsWanYuan")).sendKeys("90");
        addRow("数量指标", "补贴发放人数", "2000人");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("projectName"), "value", "残疾人两项补贴"));
        assertThat(browser.findElement(By.id("fundsWanYuan")).getDomProperty("value")).isEqualTo("90");
        assertThat(rows()).hasSize(1);
        assertThat(rows().getFirst().findElements(By.tagName("input")).get(1).getDomProperty("value"))
                .isEqualTo("2000人");
    }
}
