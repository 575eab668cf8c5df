package cn.zhibiao.proposal;

import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.proposal.LlmAnswer.Draft;
import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;

/**
 * Picks the row objects out of a JSON answer while it is still streaming in ({"rows":[{…},{…} …), so that each row
 * can be checked and shown as soon as its closing brace arrives. Strings and escapes are tracked so that braces
 * inside values do not count; reasoning in {@code <think>} blocks is never scanned.
 */
public final class RowScanner {

    private final StringBuilder content = new StringBuilder();
    private int found;

    /** Appends a streamed piece and returns the rows completed by it. */
    List<Draft> append(String piece) {
        content.append(piece);
        List<String> objects = rowObjects(LlmAnswer.visible(content.toString()));
        List<Draft> out = new ArrayList<>();
        for (int i = found; i < objects.size(); i++) {
            try {
                out.add(LlmAnswer.draft(Json.mapper().readTree(objects.get(i))));
            } catch (JacksonException e) {
                // A malformed row is left to the final parse, which reports the answer as a whole.
            }
        }
        found = objects.size();
        return out;
    }

    /**
     * Complete objects that are elements of the row array: inside {"rows":[ … ]} or a top-level [ … ]. An answer cut
     * short keeps the rows it finished.
     */
    public static List<String> rowObjects(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder stack = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        int start = -1;
        int first = firstJson(text);
        if (first < 0) {
            return out;
        }
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (c == '{' && isRowLevel(stack)) {
                        start = i;
                    }
                    stack.append(c);
                }
                case '}', ']' -> {
                    if (stack.isEmpty()) {
                        return out;
                    }
                    stack.setLength(stack.length() - 1);
                    if (c == '}' && start >= 0 && isRowLevel(stack)) {
                        out.add(text.substring(start, i + 1));
                        start = -1;
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static boolean isRowLevel(CharSequence stack) {
        String s = stack.toString();
        return s.equals("{[") || s.equals("[");
    }

    private static int firstJson(String text) {
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }
}
