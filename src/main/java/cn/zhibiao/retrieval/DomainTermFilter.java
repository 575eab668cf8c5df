package cn.zhibiao.retrieval;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Joins adjacent tokens whose concatenation is a domain word (参保/率 becomes 参保率), so that a segmenter which does
 * not know the word still indexes and queries it whole. The parts, and the domain words inside a token, follow it at
 * the same position: a query for 到位率 still finds 资金到位率, 医保 finds 城乡居民医保. Longest join wins; at most
 * {@link #MAX_PARTS} tokens are joined.
 */
final class DomainTermFilter extends TokenFilter {

    private static final int MAX_PARTS = 4;
    private static final int MAX_WORD = 10;

    private record Pending(AttributeSource.State state, String text, int start, int end) {
    }

    private final Set<String> words;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final List<Pending> buffer = new ArrayList<>();
    private final Deque<String> inner = new ArrayDeque<>();
    private State current;
    private boolean exhausted;

    DomainTermFilter(TokenStream input, Set<String> words) {
        super(input);
        this.words = words;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!inner.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(inner.poll());
            position.setPositionIncrement(0);
            return true;
        }
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
        int count = longestJoin();
        Pending first = buffer.get(0);
        restoreState(first.state());
        Set<String> extra = new LinkedHashSet<>();
        if (count > 1) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < count; i++) {
                joined.append(buffer.get(i).text());
                extra.add(buffer.get(i).text());
            }
            term.setEmpty().append(joined);
            offset.setOffset(first.start(), buffer.get(count - 1).end());
        }
        buffer.subList(0, count).clear();
        String token = term.toString();
        extra.addAll(innerWords(token));
        extra.remove(token);
        inner.addAll(extra);
        current = captureState();
        return true;
    }

    private Set<String> innerWords(String token) {
        Set<String> found = new LinkedHashSet<>();
        for (int from = 0; from < token.length(); from++) {
            for (int to = from + 2; to <= Math.min(token.length(), from + MAX_WORD); to++) {
                if (to - from < token.length() && words.contains(token.substring(from, to))) {
                    found.add(token.substring(from, to));
                }
            }
        }
        return found;
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
        inner.clear();
        current = null;
        exhausted = false;
    }
}
