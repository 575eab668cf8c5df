package cn.zhibiao.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhibiao.system.RunningApp;

/**
 * The panel of the running application, opened in a fresh headless Chromium for every test, signed in through the
 * login page as the administrator (tests of other users call {@link #login} again).
 */
abstract class PanelBrowserTest extends RunningApp {

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    /** Where the browser saves what the panel downloads. */
    protected Path downloads;

    @BeforeEach
    void openPanel() throws IOException {
        downloads = Files.createTempDirectory("zhibiao-downloads");
        browser = Browser.start(downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        login(ADMIN, ADMIN_PASSWORD);
    }

    /** Signs in through the login page (ending any current session first) and waits for the panel. */
    protected void login(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/login.html");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/"));
    }

    /** The page's viewport in CSS pixels, as on a screen of that size (1366×768) or a narrow window (800 px). */
    protected void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Adds a row to the indicator table {@code table} with the button {@code addButton}, and fills it in. */
    protected void addRow(String table, String addButton, String level1, String level2, String name, String value) {
        browser.findElement(By.id(addButton)).click();
        WebElement row = browser.findElements(By.cssSelector("#" + table + " tbody tr")).getLast();
        List<WebElement> selects = row.findElements(By.tagName("select"));
        new Select(selects.get(0)).selectByVisibleText(level1);
        new Select(selects.get(1)).selectByVisibleText(level2);
        List<WebElement> inputs = row.findElements(By.tagName("input"));
        inputs.get(0).sendKeys(name);
        inputs.get(1).sendKeys(value);
    }

    /** Follows a link that opened in a new window (a past declaration) into that window. */
    protected void switchToTheNewWindow(String from) {
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(from)).findFirst()
                .orElseThrow());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
