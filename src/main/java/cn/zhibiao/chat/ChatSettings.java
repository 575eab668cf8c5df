package cn.zhibiao.chat;

import java.util.function.Function;

/**
 * The {@code zhibiao.chat.*} block of application.yaml.
 *
 * @param similarK how many similar past projects the assistant lists and draws compliant examples from
 * @param examples how many compliant examples of a category it shows when explaining a flag
 * @param maxToolRounds how many rounds of tool calls a language model may make in one turn before it must answer
 */
public record ChatSettings(int similarK, int examples, int maxToolRounds) {

    public static ChatSettings from(Function<String, String> settings) {
        return new ChatSettings(Integer.parseInt(settings.apply("zhibiao.chat.similar-k").strip()),
                Integer.parseInt(settings.apply("zhibiao.chat.examples").strip()),
                Integer.parseInt(settings.apply("zhibiao.chat.max-tool-rounds").strip()));
    }
}
