package cn.zhibiao.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Scope;

/**
 * Applies an accepted change to a draft and undoes it, as pure functions: the draft passed in is never modified.
 * A change proposed against an older state of the draft (its row has since been edited or moved) is refused rather
 * than applied to the wrong row.
 */
public final class Changes {

    private Changes() {
    }

    /** Thrown when a change no longer fits the draft; the message is for users, in Chinese. */
    public static final class ConflictException extends RuntimeException {
        ConflictException(String message) {
            super(message);
        }
    }

    public static Declaration apply(Declaration draft, ChatEvent.Change change) {
        List<Indicator> rows = new ArrayList<>(draft.indicators());
        int i = change.indicatorIndex();
        switch (change.op()) {
            case ADD -> {
                requireRange(i, rows.size() + 1);
                rows.add(i, indicator(change.row(), Scope.ANNUAL));
            }
            case UPDATE -> {
                requireRange(i, rows.size());
                requireUnchanged(rows.get(i), change.previous(), i);
                rows.set(i, indicator(change.row(), rows.get(i).scope()));
            }
            case REMOVE -> {
                requireRange(i, rows.size());
                requireUnchanged(rows.get(i), change.previous(), i);
                rows.remove(i);
            }
        }
        return draft.withIndicators(rows);
    }

    /** Restores the draft as it was before {@code change} was applied to it. */
    public static Declaration undo(Declaration draft, ChatEvent.Change change) {
        List<Indicator> rows = new ArrayList<>(draft.indicators());
        int i = change.indicatorIndex();
        switch (change.op()) {
            case ADD -> {
                requireRange(i, rows.size());
                requireRow(rows.get(i), change.row(), i);
                rows.remove(i);
            }
            case UPDATE -> {
                requireRange(i, rows.size());
                requireRow(rows.get(i), change.row(), i);
                rows.set(i, change.previous());
            }
            case REMOVE -> {
                requireRange(i, rows.size() + 1);
                rows.add(i, change.previous());
            }
        }
        return draft.withIndicators(rows);
    }

    /**
     * The change that reverses {@code change} once applied to {@code draft}, proposed like any other so that undoing
     * is also the user's decision. It finds the row the change wrote by its content, so that rows added or removed
     * since do not make it reverse the wrong row.
     */
    public static ChatEvent.Change inverse(Declaration draft, ChatEvent.Change change, String id) {
        int i = change.indicatorIndex();
        String rationale = "撤销此前接受的修改：" + change.rationale();
        ChatEvent.Change reverse = switch (change.op()) {
            case ADD -> new ChatEvent.Change(id, ChatEvent.Op.REMOVE, i, change.row(), rationale, List.of(), List.of(),
                    indicator(change.row(), Scope.ANNUAL));
            case UPDATE -> new ChatEvent.Change(id, ChatEvent.Op.UPDATE, i, row(change.previous()), rationale,
                    List.of(), List.of(), indicator(change.row(), change.previous().scope()));
            case REMOVE -> new ChatEvent.Change(id, ChatEvent.Op.ADD, i, row(change.previous()), rationale,
                    List.of(), List.of(), null);
        };
        ChatEvent.Change located = located(draft, reverse);
        if (located.op() == ChatEvent.Op.ADD) {
            return located;
        }
        int at = located.indicatorIndex();
        requireRange(at, draft.indicators().size());
        requireRow(draft.indicators().get(at), change.row(), at);
        return new ChatEvent.Change(id, located.op(), at, located.row(), rationale, List.of(), List.of(),
                draft.indicators().get(at));
    }

    /**
     * {@code change} aimed at where its row is now: an edit or removal proposed before another accepted change added
     * or removed a row above it applies to the row it was about, if exactly one row still reads as it did; an added row
     * numbered past the end goes at the end. A change whose row has since been edited stays as it is, for
     * {@link #apply} to refuse.
     */
    static ChatEvent.Change located(Declaration draft, ChatEvent.Change change) {
        Indicator previous = change.previous();
        List<Indicator> rows = draft.indicators();
        int i = change.indicatorIndex();
        if (change.op() == ChatEvent.Op.ADD && i > rows.size()) {
            // A proposal of several new rows numbers them after one another; accepted out of order, a later one
            // still belongs at the end.
            return moved(change, rows.size());
        }
        if (change.op() == ChatEvent.Op.ADD || previous == null
                || i >= 0 && i < rows.size() && same(rows.get(i), previous)) {
            return change;
        }
        List<Integer> matches = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (same(rows.get(r), previous)) {
                matches.add(r);
            }
        }
        return matches.size() != 1 ? change : moved(change, matches.getFirst());
    }

    private static ChatEvent.Change moved(ChatEvent.Change change, int index) {
        return new ChatEvent.Change(change.id(), change.op(), index, change.row(), change.rationale(),
                change.sources(), change.findings(), change.previous());
    }

    static ChatEvent.ChangeRow row(Indicator indicator) {
        return new ChatEvent.ChangeRow(
                indicator.level1Raw() != null ? indicator.level1Raw()
                        : indicator.level1() == null ? null : indicator.level1().label(),
                indicator.level2() != null ? indicator.level2().label() : indicator.level2Raw(),
                indicator.name(), indicator.value());
    }

    static Indicator indicator(ChatEvent.ChangeRow row, Scope scope) {
        return Indicator.of(row.level1(), row.level2(), row.name(), row.value(), scope);
    }

    private static void requireRange(int index, int size) {
        if (index < 0 || index >= size) {
            throw new ConflictException("草稿中没有第" + (index + 1) + "行指标，该修改已不适用。");
        }
    }

    private static boolean same(Indicator actual, Indicator expected) {
        return Objects.equals(actual.name(), expected.name()) && Objects.equals(actual.value(), expected.value());
    }

    private static void requireUnchanged(Indicator actual, Indicator expected, int index) {
        if (expected == null || !same(actual, expected)) {
            throw new ConflictException("第" + (index + 1) + "行已被修改，该建议基于旧内容，请重新提问。");
        }
    }

    private static void requireRow(Indicator actual, ChatEvent.ChangeRow expected, int index) {
        if (!Objects.equals(actual.name(), expected.name()) || !Objects.equals(actual.value(), expected.value())) {
            throw new ConflictException("第" + (index + 1) + "行已被再次修改，无法撤销这次修改。");
        }
    }
}
