package cn.zhibiao.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.hankcs.hanlp.HanLP;

/** Real exports spell one value many ways; after normalising, the checker sees one. */
class TextNormaliserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "滿意度|满意度",
            "數量指標|数量指标",
            "時效|时效",
            "救助對象對救助工作滿意度(%)|救助对象对救助工作满意度(%)",
            "數(shù)量指標(biāo)|数量指标",
            "業(yè)務(wù)工作支出安排金額|业务工作支出安排金额",
            "９５％|95%",
            "＞＝90％|≥90%",
            "=99百分比|=99%",
            "≥95 %|≥95%",
            "百分之95|95%",
            "═100%|=100%",
            "≧90%|≥90%"})
    void foldsVariantsIntoOneSpelling(String written, String normalised) {
        assertThat(TextNormaliser.normalise(written)).isEqualTo(normalised);
    }

    @Test
    void leavesSimplifiedTextAndLatinWordsAlone() {
        String text = "干部培训覆盖率≥95%（按月统计，ABC 标准 (pH 7)）";
        assertThat(TextNormaliser.normalise(text)).isEqualTo(text);
    }

    @Test
    void convertsExactlyWhatHanLpConverts() {
        String mixed = "農村低保救助資金按標準發放的比率 90%，頭髮，乾隆年間";
        assertThat(TextNormaliser.normalise(mixed)).isEqualTo(HanLP.convertToSimplifiedChinese(mixed));
    }

    @Test
    void parsesTraditionalAndFullWidthValuesLikeTheirPlainSpelling() {
        assertThat(ValueParser.parse("≥９５ ％")).isEqualTo(ValueParser.parse("≥95%"));
        assertThat(ValueParser.parse("=99百分比")).isEqualTo(ValueParser.parse("=99%"));
        assertThat(ValueParser.parse("28.8萬元")).isEqualTo(ValueParser.parse("28.8万元"));
    }
}
