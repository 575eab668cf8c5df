package cn.zhibiao.retrieval;

import java.util.Set;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps the tokens that can carry meaning on their own: at least two characters, at least one letter, not a stop word.
 * Single characters (区, 率) and numbers match everything in budget forms; the bigram field still sees them.
 */
final class WordTokenFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Set<String> stopwords;

    WordTokenFilter(TokenStream input, Set<String> stopwords) {
        super(input);
        this.stopwords = stopwords;
    }

    @Override
    protected boolean accept() {
        if (term.length() < 2) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < term.length() && !letter; i++) {
            letter = Character.isLetter(term.charAt(i));
        }
        return letter && !stopwords.contains(term.toString());
    }
}
