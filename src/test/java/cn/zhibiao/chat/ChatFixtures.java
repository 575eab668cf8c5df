package cn.zhibiao.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Json;

/** The draft the conversation test set refers to: 0 数量, 1 质量, 2 时效, 3 社会效益, 4 满意度; no 成本 row. */
final class ChatFixtures {

    private ChatFixtures() {
    }

    static Declaration draft() {
        try (InputStream in = ChatFixtures.class.getResourceAsStream("/chat/draft.json")) {
            return Json.mapper().readValue(in, Declaration.class).withParsedValues();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
