package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmAnswerTest {

    static final String ROWS = "{\"rows\":[{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"参保人数\","
            + "\"value\":\"100000人\",\"rationale\":\"目标\",\"sources\":[\"a1\"]}]}";

    @Test
    void readsAPlainJsonObject() {
        LlmAnswer answer = LlmAnswer.parse(ROWS, null);

        assertThat(answer.rows()).singleElement().satisfies(d -> {
            assertThat(d.level2()).isEqualTo("数量指标");
            assertThat(d.value()).isEqualTo("100000人");
            assertThat(d.sources()).containsExactly("a1");
        });
    }

    @Test
    void setsThinkBlocksApartEvenWhenTheyLookLikeAnswers() {
        LlmAnswer answer = LlmAnswer.parse("<think>{\"rows\":[]}</think>" + ROWS, "reasoning_content");

        assertThat(answer.rows()).hasSize(1);
        assertThat(answer.reasoning()).startsWith("reasoning_content").contains("{\"rows\":[]}");
    }

    @Test
    void readsAFenceWithoutALanguageAndAnArrayOfRows() {
        assertThat(LlmAnswer.parse("```\n" + ROWS + "\n```", null).rows()).hasSize(1);
        assertThat(LlmAnswer.parse("[" + ROWS.substring(9, ROWS.length() - 2) + "]", null).rows()).hasSize(1);
    }

    @Test
    void acceptsAnotherNameForTheRowList() {
        assertThat(LlmAnswer.parse(ROWS.replace("\"rows\"", "\"indicators\""), null).rows()).hasSize(1);
    }

    @Test
    void failsOnAnAnswerThatIsOnlyReasoning() {
        assertThatThrownBy(() -> LlmAnswer.parse("<think>还在想…", null))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.EMPTY));
    }

    @Test
    void failsOnProseWithoutJson() {
        assertThatThrownBy(() -> LlmAnswer.parse("抱歉，我无法提供建议。", null))
                .isInstanceOfSatisfying(LlmFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.MALFORMED));
    }
}
