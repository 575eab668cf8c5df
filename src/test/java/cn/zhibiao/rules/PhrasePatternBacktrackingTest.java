package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every pattern of phrases.yaml reads hostile text (long runs of spaces or digits, as a pasted or crafted value can
 * hold) in a number of steps proportional to its length: the input counts the characters the regex engine reads, so
 * catastrophic backtracking shows as a count, not as a slow test.
 */
class PhrasePatternBacktrackingTest {

    private static final int LENGTH = 20_000;
    /** Character reads per input character; bounded repetitions such as {0,14} legitimately re-read a few dozen. */
    private static final long READS_PER_CHAR = 200;

    private static final List<String> HOSTILE = List.of(
            " ".repeat(LENGTH) + "x", "1".repeat(LENGTH) + "x", "指标" + " ".repeat(LENGTH) + "x",
            "1 ".repeat(LENGTH / 2) + "x", "1.".repeat(LENGTH / 2) + "x", "按照".repeat(LENGTH / 2), "a".repeat(LENGTH));

    @Test
    void everyPatternReadsHostileTextInLinearSteps() throws Exception {
        Phrases phrases = Phrases.load();
        List<String> names;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Phrases.FILE)) {
            names = new YAMLMapper().readTree(in).path("patterns").propertyNames().stream().toList();
        }
        assertThat(names).isNotEmpty();
        for (String name : names) {
            Pattern pattern = phrases.pattern(name);
            for (String text : HOSTILE) {
                Counting input = new Counting(text, (long) text.length() * READS_PER_CHAR);
                boolean finished;
                try {
                    Matcher m = pattern.matcher(input);
                    while (m.find()) {
                        assertThat(m.end()).isGreaterThanOrEqualTo(m.start());
                    }
                    finished = pattern.matcher(input).matches() || true;
                } catch (IllegalStateException backtracking) {
                    finished = false;
                }
                assertThat(finished).as("%s backtracks on %s…", name, text.substring(0, 12)).isTrue();
            }
        }
    }

    /** A CharSequence that counts reads and stops the engine once the budget is spent. */
    private static final class Counting implements CharSequence {
        private final String text;
        private final long budget;
        private long reads;

        Counting(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads >= budget) {
                throw new IllegalStateException("backtracking");
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
