package cn.zhibiao.chat;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's prose, checked before users see it. A document number (财社〔2019〕88号), a 《title》 or a percentage or
 * sum of money that no tool result, filling instruction or user text contains is followed by {@link #UNSUPPORTED};
 * text carrying the system prompt's canary is withheld. Streamed text is released as soon as it cannot be the
 * beginning of a citation or of the canary, so that tokens still flow while they are checked.
 */
final class ProseGuard {

    static final String UNSUPPORTED = "（未在来源中找到，请核实）";
    static final String WITHHELD = "（回答中出现了内部提示内容，已停止显示。）";

    private static final Pattern CITATION = Pattern.compile(
            "\\p{IsHan}{1,10}[〔\\[［(（]\\d{4}[〕\\]］)）]\\s*\\d+\\s*号|《[^《》\\n]{1,80}》"
                    + "|\\d+(?:\\.\\d+)?\\s*(?:%|％|万元|亿元|元)");
    /** The end of the text so far, if a citation may be under way there. */
    private static final Pattern OPEN_TAIL = Pattern.compile(
            "(?:《[^《》\\n]{0,80}|[〔\\[［(（]\\d{0,4}(?:[〕\\]］)）]\\s*\\d*\\s*)?|\\d[\\d.]*[万亿]?)$");
    /** How far back an unfinished citation may start: longer than any document number or title. */
    private static final int MAX_CITATION = 90;

    private final String canary;
    private final Predicate<String> supported;
    private final StringBuilder raw = new StringBuilder();
    private int released;
    private boolean withheld;

    /** {@code supported} says whether a cited text appears in a source; it is asked once per citation. */
    ProseGuard(String canary, Predicate<String> supported) {
        this.canary = canary;
        this.supported = supported;
    }

    /** Appends a streamed piece; returns the text that may be shown now (possibly empty). */
    String append(String piece) {
        raw.append(piece);
        return release(hold());
    }

    /** The rest, once the stream has ended. */
    String finish() {
        return release(raw.length());
    }

    /** Whether the canary turned up, and the text after it was withheld. */
    boolean withheld() {
        return withheld;
    }

    /** A whole text (a change's rationale): marked, or replaced when it carries the canary. */
    static String check(String text, String canary, Predicate<String> supported) {
        if (text == null) {
            return null;
        }
        ProseGuard guard = new ProseGuard(canary, supported);
        String out = guard.append(text) + guard.finish();
        return guard.withheld ? "（理由中出现了内部提示内容，已隐去。）" : out;
    }

    private String release(int upTo) {
        if (withheld) {
            return "";
        }
        if (raw.indexOf(canary) >= 0) {
            withheld = true;
            return WITHHELD;
        }
        StringBuilder out = new StringBuilder();
        int from = released;
        Matcher m = CITATION.matcher(raw);
        m.region(Math.max(0, released - MAX_CITATION), upTo);
        while (m.find()) {
            if (m.end() <= released || m.end() > upTo) {
                continue;
            }
            if (!supported.test(normalise(m.group()))) {
                out.append(raw, from, m.end()).append(UNSUPPORTED);
                from = m.end();
            }
        }
        out.append(raw, from, upTo);
        released = upTo;
        return out.toString();
    }

    /**
     * Where the text that cannot be shown yet begins: an unclosed 《, a bracket that may open a document number's year,
     * a trailing number (its unit may follow), or a tail that could be the start of the canary.
     */
    private int hold() {
        int hold = raw.length();
        Matcher open = OPEN_TAIL.matcher(raw);
        open.region(Math.max(released, raw.length() - MAX_CITATION), raw.length());
        if (open.find()) {
            hold = open.start();
        }
        for (int k = Math.min(canary.length() - 1, raw.length() - released); k > 0; k--) {
            if (raw.substring(raw.length() - k).equals(canary.substring(0, k))) {
                hold = Math.min(hold, raw.length() - k);
                break;
            }
        }
        return Math.max(hold, released);
    }

    private static String normalise(String citation) {
        return citation.replace('％', '%').replaceAll("\\s+", "");
    }
}
