package cn.zhibiao.retrieval;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** The analysers of the index fields: words from the chosen segmenter, and CJK bigrams as a recall net. */
final class Analysis {

    private Analysis() {
    }

    static Analyzer words(Segmenter segmenter) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = switch (segmenter) {
                    case SMARTCN -> new HMMChineseTokenizer();
                    case HANLP -> new HanLpTokenizer();
                };
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new DomainTermFilter(stream, DomainDictionary.TERMS);
                stream = new WordTokenFilter(stream, DomainDictionary.STOPWORDS);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Overlapping two-character grams: they match words no dictionary knows (石鼓, 优待) at the price of precision. */
    static Analyzer bigrams() {
        return new CJKAnalyzer();
    }

    static Analyzer perField(Segmenter segmenter) {
        return new PerFieldAnalyzerWrapper(words(segmenter), Map.of(Fields.BIGRAM, bigrams(), Fields.ROW_BIGRAM, bigrams()));
    }
}
