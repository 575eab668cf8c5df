package cn.zhibiao.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
