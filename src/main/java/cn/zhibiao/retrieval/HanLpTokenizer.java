package cn.zhibiao.retrieval;

import java.io.IOException;
import java.util.Iterator;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * HanLP's segmenter as a Lucene tokenizer. HanLP segments whole strings, so the field value is read at once; field
 * values here are short form cells and queries are capped by {@code max-query-chars}. The domain dictionary is
 * applied by {@link DomainTermFilter}, as for smartcn, so that both segmenters are compared on equal terms.
 */
final class HanLpTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Segment segment = HanLP.newSegment().enableOffset(true);
    private Iterator<Term> terms;
    private int length;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (terms == null) {
            String text = readAll();
            length = text.length();
            terms = segment.seg(text).iterator();
        }
        while (terms.hasNext()) {
            Term next = terms.next();
            if (next.word.isBlank()) {
                continue;
            }
            term.setEmpty().append(next.word);
            offset.setOffset(correctOffset(next.offset), correctOffset(next.offset + next.word.length()));
            return true;
        }
        return false;
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n; (n = input.read(buffer)) != -1; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(correctOffset(length), correctOffset(length));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        terms = null;
        length = 0;
    }
}
