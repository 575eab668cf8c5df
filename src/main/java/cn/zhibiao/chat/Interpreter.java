package cn.zhibiao.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;

/**
 * Understands a chat message without a language model, by the phrasing grammar: which intent its cue phrases
 * name, and its arguments — the row it points at (第3行, or a category such as 时效那一行 resolved against the draft's
 * indicators), the category, the requested value, what to search for, the term to define. Thread-safe.
 */
final class Interpreter {

    private static final Pattern QUOTED = Pattern.compile("[“\"「『‘']([^”\"」』’']*)[”\"」』’']");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^%≥≤<>=]]|[“”‘’「」『』]");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("\\d+(?:\\.\\d+)?\\D{0,6}");
    private static final Pattern COUNT = Pattern.compile("(?<!第)(\\d+)(?:个|条|项)");

    private final Grammar grammar;
    private final Pattern rowOrdinal;

    Interpreter(Grammar grammar) {
        this.grammar = grammar;
        this.rowOrdinal = Pattern.compile(Pattern.quote(grammar.rowPrefix()) + "(\\d+)(?:"
                + String.join("|", grammar.rowSuffixes().stream().map(Pattern::quote).toList()) + ")");
    }

    static Interpreter load() {
        return new Interpreter(Grammar.load());
    }

    /** Normalises a message as the grammar's phrases are normalised (for answers to the assistant's questions). */
    String normalise(String message) {
        return grammar.text().normalise(message);
    }

    Understanding understand(String message, List<Indicator> indicators) {
        String text = normalise(message);
        // Quoted text is a value the user dictates, not a request: "质量" inside “生活质量明显改善” names no row.
        String plain = QUOTED.matcher(text).replaceAll("");
        Optional<Integer> ordinal = ordinal(plain, indicators);
        Optional<Level2> category = category(plain);
        boolean namesRow = ordinal.isPresent() || category.isPresent();
        boolean aboutIndicators = category.isPresent() || grammar.topic().stream().anyMatch(plain::contains);
        for (Grammar.IntentRule rule : grammar.intents()) {
            if (rule.needsTopic() && !aboutIndicators) {
                continue;
            }
            Optional<String> cue = first(plain, rule.cues());
            if (cue.isEmpty() && namesRow) {
                cue = first(plain, rule.rowCues());
            }
            if (cue.isPresent()) {
                return new Understanding(rule.intent(),
                        args(rule, cue.get(), text, plain, ordinal, category, indicators));
            }
        }
        Optional<Integer> count = count(plain);
        if (grammar.implicitPropose() && count.isPresent() && category.isPresent()) {
            return new Understanding(Intent.PROPOSE, new IntentArgs(null, category.get().label(), null, null, null,
                    count.get()));
        }
        return Understanding.unknown();
    }

    private IntentArgs args(Grammar.IntentRule rule, String cue, String text, String plain,
            Optional<Integer> ordinal, Optional<Level2> category, List<Indicator> indicators) {
        return switch (rule.intent()) {
            case PROPOSE -> new IntentArgs(null, label(category), null, null, null, count(plain).orElse(null));
            case REVISE -> revise(cue, text, plain, ordinal, indicators);
            case EXPLAIN_FLAG -> row(ordinal, category, indicators);
            case SIMILAR -> new IntentArgs(null, label(category), null, query(plain, rule.cues()), null, null);
            case DEFINE_TERM -> new IntentArgs(null, null, null, null, term(text, rule.cues()), null);
            case CHECK, UNDO, UNKNOWN -> IntentArgs.NONE;
        };
    }

    /** The row named by its position, else by its category (the first row of it in the draft). */
    private IntentArgs row(Optional<Integer> ordinal, Optional<Level2> category, List<Indicator> indicators) {
        if (ordinal.isPresent()) {
            return new IntentArgs(ordinal.get(), null, null, null, null, null);
        }
        return category.map(c -> new IntentArgs(firstRowOf(c, indicators), c.label(), null, null, null, null))
                .orElse(IntentArgs.NONE);
    }

    /** The row is named before the verb (满意度改成…), the value after it; a row named after it is not the value. */
    private IntentArgs revise(String verb, String text, String plain, Optional<Integer> ordinal,
            List<Indicator> indicators) {
        int at = plain.indexOf(verb);
        IntentArgs row = row(ordinal, ordinal.isPresent() ? Optional.empty() : category(plain.substring(0, at)),
                indicators);
        String tail = text.substring(text.indexOf(verb) + verb.length());
        return new IntentArgs(row.indicatorIndex(), row.level2(), value(tail, verb), null, null, null);
    }

    private String value(String tail, String verb) {
        String v = rowOrdinal.matcher(tail).replaceAll("");
        for (String last : grammar.lastRow()) {
            v = v.replace(last, "");
        }
        v = v.replaceAll("[“”\"「」『』‘’']", "");
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String connector : grammar.valueConnectors()) {
                if (v.startsWith(connector)) {
                    v = v.substring(connector.length());
                    changed = true;
                }
            }
            String trimmed = v.replaceAll("[。！!？?，,；;.吧啊呢了]+$", "");
            changed |= !trimmed.equals(v);
            v = trimmed;
        }
        if (v.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> comparator : grammar.comparators().entrySet()) {
            String word = comparator.getKey();
            if (v.startsWith(word) && NUMBER_WITH_UNIT.matcher(v.substring(word.length())).matches()) {
                return comparator.getValue() + v.substring(word.length());
            }
            if (v.endsWith(word) && NUMBER_WITH_UNIT.matcher(v.substring(0, v.length() - word.length())).matches()) {
                return comparator.getValue() + v.substring(0, v.length() - word.length());
            }
        }
        String direction = grammar.directionalVerbs().get(verb);
        return direction != null && NUMBER_WITH_UNIT.matcher(v).matches() ? direction + v : v;
    }

    private String query(String plain, List<String> cues) {
        List<String> noise = new ArrayList<>(cues);
        noise.addAll(grammar.searchFillers());
        noise.addAll(grammar.categories().keySet());
        noise.addAll(grammar.topic());
        String residue = strip(plain, noise);
        return residue.length() >= 2 ? residue : null;
    }

    /** The term with the question around it removed, canonical when it names a category (可持续影响 → 可持续影响指标). */
    private String term(String text, List<String> cues) {
        List<String> noise = new ArrayList<>(cues);
        noise.addAll(grammar.termFillers());
        String term = strip(text, noise);
        if (term.isEmpty()) {
            return null;
        }
        Level1 level1 = Level1.fromLabel(term);
        if (level1 != null && level1.label().equals(term)) {
            return term;
        }
        Level2 level2 = grammar.categories().get(term);
        if (level2 == null && term.endsWith("指标")) {
            level2 = grammar.categories().get(term.substring(0, term.length() - 2));
        }
        return level2 != null ? level2.label() : term;
    }

    private static String strip(String text, Collection<String> phrases) {
        String out = text;
        for (String phrase : phrases.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(phrase, "");
        }
        return PUNCTUATION.matcher(out).replaceAll("").strip();
    }

    private Optional<Integer> ordinal(String plain, List<Indicator> indicators) {
        Matcher m = rowOrdinal.matcher(plain);
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)) - 1);
        }
        if (!indicators.isEmpty() && grammar.lastRow().stream().anyMatch(plain::contains)) {
            return Optional.of(indicators.size() - 1);
        }
        return Optional.empty();
    }

    /** The category named earliest in the text; at one position the longest synonym (服务对象满意度 over 满意度). */
    private Optional<Level2> category(String plain) {
        int best = Integer.MAX_VALUE;
        Level2 found = null;
        for (Map.Entry<String, Level2> synonym : grammar.categories().entrySet()) {
            int at = plain.indexOf(synonym.getKey());
            if (at >= 0 && at < best) {
                best = at;
                found = synonym.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Integer firstRowOf(Level2 level2, List<Indicator> indicators) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).level2() == level2) {
                return i;
            }
        }
        return null;
    }

    private Optional<Integer> count(String plain) {
        Matcher m = COUNT.matcher(plain);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static Optional<String> first(String text, List<String> phrases) {
        return phrases.stream().filter(text::contains).findFirst();
    }

    private static String label(Optional<Level2> category) {
        return category.map(Level2::label).orElse(null);
    }
}
