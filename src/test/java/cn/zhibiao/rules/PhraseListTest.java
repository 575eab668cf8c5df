package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseListTest {

    private final PhraseList completion = new PhraseList(List.of("完成", "按计划完成", "计划"));

    @Test
    void findsTheLongestPhraseAtTheLeftmostPosition() {
        assertThat(completion.find("今年按计划完成")).isEqualTo("按计划完成");
        assertThat(completion.find("计划完成")).isEqualTo("计划");
    }

    @Test
    void findsNothingInTextWithoutThePhrases() {
        assertThat(completion.find("2024年12月31日前")).isNull();
        assertThat(completion.foundIn("")).isFalse();
    }

    @Test
    void matchesWholeValuesOnlyWhenAsked() {
        assertThat(completion.isWhole("完成")).isTrue();
        assertThat(completion.isWhole("已完成")).isFalse();
    }
}
