package cn.zhibiao.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both segmenters, with the domain dictionary, on the words that matter in budget forms. */
class AnalysisTest {

    @ParameterizedTest
    @EnumSource(Segmenter.class)
    void indexesDomainWordsWholeAndTheirParts(Segmenter segmenter) {
        var analyzer = Analysis.words(segmenter);

        assertThat(Queries.terms(analyzer, "城乡居民医保参保率达到95%")).contains("参保率", "参保", "医保");
        assertThat(Queries.terms(analyzer, "资金到位率100%")).contains("资金到位率", "到位率");
        assertThat(Queries.terms(analyzer, "服务对象满意度≥90%")).contains("满意度");
    }

    @ParameterizedTest
    @EnumSource(Segmenter.class)
    void leavesTheTwoCharacterPartsOfLongerWordsOutOfTheQuery(Segmenter segmenter) {
        Queries queries = new Queries(segmenter);

        assertThat(queries.words("城乡居民医保参保率达到95%")).contains("城乡居民医保", "参保率")
                .doesNotContain("城乡", "参保");
        assertThat(queries.words("资金到位率100%")).contains("资金到位率", "到位率").doesNotContain("资金");
    }

    @ParameterizedTest
    @EnumSource(Segmenter.class)
    void dropsNumbersPunctuationAndStopWords(Segmenter segmenter) {
        assertThat(new Queries(segmenter).words("2021年，确保按时足额！！——100%")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Segmenter.class)
    void bigramsCoverWordsNoDictionaryKnows(Segmenter segmenter) {
        assertThat(new Queries(segmenter).bigrams("石鼓区优待金")).contains("石鼓", "优待", "待金");
    }
}
