package cn.zhibiao.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhibiao.system.RunningApp;

/** The panel of the running application, opened in a fresh headless Chromium for every test. */
abstract class PanelBrowserTest extends RunningApp {

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openPanel() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(baseUrl() + "/");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
