package cn.zhibiao.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Joins adjacent tokens whose concatenation is a domain word (参保/率 becomes 参保率), so that a segmenter which does
 * not know the word still indexes and queries it whole. Longest join wins; at most {@link #MAX_PARTS} tokens.
 */
final class DomainTermFilter extends TokenFilter {

    private static final int MAX_PARTS = 4;

    private record Pending(AttributeSource.State state, String text, int start, int end) {
    }

    private final Set<String> words;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final List<Pending> buffer = new ArrayList<>();
    private boolean exhausted;

    DomainTermFilter(TokenStream input, Set<String> words) {
        super(input);
        this.words = words;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (buffer.size() < MAX_PARTS && !exhausted) {
            if (input.incrementToken()) {
                buffer.add(new Pending(captureState(), term.toString(), offset.startOffset(), offset.endOffset()));
            } else {
                exhausted = true;
            }
        }
        if (buffer.isEmpty()) {
            return false;
        }
        int parts = longestJoin();
        Pending first = buffer.get(0);
        restoreState(first.state());
        if (parts > 1) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < parts; i++) {
                joined.append(buffer.get(i).text());
            }
            term.setEmpty().append(joined);
            offset.setOffset(first.start(), buffer.get(parts - 1).end());
        }
        buffer.subList(0, parts).clear();
        return true;
    }

    private int longestJoin() {
        int best = 1;
        StringBuilder joined = new StringBuilder(buffer.get(0).text());
        for (int i = 1; i < buffer.size(); i++) {
            if (buffer.get(i).start() != buffer.get(i - 1).end()) {
                break;
            }
            joined.append(buffer.get(i).text());
            if (words.contains(joined.toString())) {
                best = i + 1;
            }
        }
        return best;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        buffer.clear();
        exhausted = false;
    }
}
