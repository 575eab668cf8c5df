package cn.zhibiao.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list that finds the leftmost phrase in a text, the longest one at that position ("按计划完成" before
 * "完成"). It does what an alternation of quoted phrases would, without the regex engine trying every phrase at
 * every position: candidates are looked up by their first character.
 */
final class PhraseList {

    private final List<String> phrases;
    private final String firstChars;
    private final String[][] byFirstChar;

    PhraseList(List<String> phrases) {
        this.phrases = phrases.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Map<Character, List<String>> groups = new LinkedHashMap<>();
        for (String phrase : this.phrases) {
            groups.computeIfAbsent(phrase.charAt(0), c -> new ArrayList<>()).add(phrase);
        }
        StringBuilder chars = new StringBuilder();
        this.byFirstChar = new String[groups.size()][];
        int i = 0;
        for (Map.Entry<Character, List<String>> group : groups.entrySet()) {
            chars.append(group.getKey().charValue());
            byFirstChar[i++] = group.getValue().toArray(String[]::new);
        }
        this.firstChars = chars.toString();
    }

    /** The leftmost, longest phrase of the list in {@code text}, or null. */
    String find(String text) {
        for (int at = 0; at < text.length(); at++) {
            int group = firstChars.indexOf(text.charAt(at));
            if (group < 0) {
                continue;
            }
            for (String phrase : byFirstChar[group]) {
                if (text.startsWith(phrase, at)) {
                    return phrase;
                }
            }
        }
        return null;
    }

    boolean foundIn(String text) {
        return find(text) != null;
    }

    /** True when the whole text is one of the phrases. */
    boolean isWhole(String text) {
        return phrases.contains(text);
    }
}
