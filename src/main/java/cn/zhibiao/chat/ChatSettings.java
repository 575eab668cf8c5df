package cn.zhibiao.chat;

import java.util.function.Function;

/**
 * The {@code zhibiao.chat.*} block of application.yaml.
 *
 * @param similarK how many similar past projects the assistant lists and draws compliant examples from
 * @param examples how many compliant examples of a category it shows when explaining a flag
 */
public record ChatSettings(int similarK, int examples) {

    public static ChatSettings from(Function<String, String> settings) {
        return new ChatSettings(Integer.parseInt(settings.apply("zhibiao.chat.similar-k").strip()),
                Integer.parseInt(settings.apply("zhibiao.chat.examples").strip()));
    }
}
