package cn.zhibiao.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.zhibiao.system.Json;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

class ScratchShotsIT extends PanelBrowserTest {

    void shot(String name) throws IOException {
        Files.write(Path.of("/tmp/shots/" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    void viewport(int w, int h) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", w, "height", h, "deviceScaleFactor", 1, "mobile", false));
    }

    @Test
    void shots() throws Exception {
        Files.createDirectories(Path.of("/tmp/shots"));
        for (int w : new int[] {1366, 800}) {
            int h = w == 1366 ? 768 : 700;
            viewport(w, h);
            browser.get(baseUrl() + "/");
            browser.findElement(By.id("projectName")).sendKeys("城乡居民基本养老保险区级补助");
            browser.findElement(By.id("year")).sendKeys("2024");
            browser.findElement(By.id("overview")).sendKeys("对辖区5000名城乡居民养老保险参保人员按每人每月42元给予区级补助");
            browser.findElement(By.id("suggest")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已加入"));
            browser.findElement(By.id("similar")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "相似的历史项目"));
            browser.findElement(By.id("check")).click();
            Thread.sleep(1500);
            shot("index-" + w);
            browser.executeScript("localStorage.clear()");
        }
        createUser("shots", "STAFF", "石鼓区民政局");
        Map<String, Object> declaration;
        try (InputStream in = getClass().getResourceAsStream("/chat/draft.json")) {
            declaration = Json.mapper().readValue(in, new TypeReference<>() {
            });
        }
        JsonNode created = Json.mapper().readTree(clientAs("shots", passwordOf("shots")).post().uri("/api/drafts")
                .bodyValue(declaration).exchange().expectBody().returnResult().getResponseBody());
        login("shots", passwordOf("shots"));
        for (int w : new int[] {1366, 800}) {
            int h = w == 1366 ? 768 : 700;
            viewport(w, h);
            browser.get(baseUrl() + "/drafts.html#" + created.get("id").asLong());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), "版"));
            if (w == 1366) {
                for (String m : new String[] {"第3行为什么被标记？", "补充时效指标", "类似的项目有哪些"}) {
                    browser.findElement(By.id("chat-input")).sendKeys(m);
                    browser.findElement(By.id("chat-send")).click();
                    Thread.sleep(4000);
                }
            }
            Thread.sleep(1500);
            shot("drafts-" + w);
            if (w == 800) {
                browser.executeScript("document.getElementById('chat').scrollIntoView()");
                shot("drafts-800-chat");
            }
        }
    }
}
