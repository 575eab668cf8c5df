package cn.zhibiao.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import cn.zhibiao.draft.Draft;
import cn.zhibiao.draft.DraftAccess;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.Account;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The conversation about a server-side draft: a turn runs the assistant over the draft's current version and the
 * stored conversation, storing the turn and every proposed change as it streams; accepting a change saves it as a new
 * draft version. Who may do what is the drafts' rule: readers may chat, editors accept and reject. Methods other than
 * the event stream itself block (JDBC) and are called off the event loop.
 */
@Service
class ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
    private static final String FAILED = "助手出错，请稍后重试（草稿没有被修改）。";

    private final Assistant assistant;
    private final DraftAccess drafts;
    private final ChatStore store;
    private final TransactionTemplate transactions;

    ChatService(Assistant assistant, DraftAccess drafts, ChatStore store, TransactionTemplate transactions) {
        this.assistant = assistant;
        this.drafts = drafts;
        this.store = store;
        this.transactions = transactions;
    }

    Conversation conversation(Account account, long draftId) {
        drafts.read(account, draftId);
        return new Conversation(store.turns(draftId), store.changes(draftId));
    }

    /**
     * Starts a turn. The events run to the end and are stored whether or not the caller still listens: a client that
     * goes away mid-stream cancels only its own copy. A change is stored before it is passed on, so it can be
     * accepted at once; {@code done} is passed on once the whole turn is stored.
     */
    Flux<ChatEvent> turn(Account account, long draftId, String message) {
        DraftAccess.Current draft = drafts.read(account, draftId);
        List<Conversation.Turn> turns = store.turns(draftId);
        List<Conversation.StoredChange> changes = store.changes(draftId);
        String undoable = liveAccepted(changes).reduce((a, b) -> b).map(Conversation.StoredChange::id).orElse(null);
        long turnId = store.startTurn(draftId, account.username(), draft.version(), message);
        Recording recording = new Recording(draftId, turnId, draft.version(), undoable);
        Flux<ChatEvent> events = assistant.turn(draft.declaration(), history(turns, changes), message)
                .onErrorResume(e -> {
                    LOG.error("Chat turn {} of draft {} failed", turnId, draftId, e);
                    return Flux.just(new ChatEvent.Failed(FAILED), new ChatEvent.Done(Intent.UNKNOWN, 0, 0));
                })
                .concatMap(e -> recording.storing(e) ? blocking(() -> recording.record(e)) : Mono.just(
                        recording.record(e)))
                .concatWith(Mono.<ChatEvent>fromRunnable(recording::finish).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(e -> {
                    LOG.error("Chat turn {} of draft {} could not be stored", turnId, draftId, e);
                    return Flux.just(new ChatEvent.Failed("保存对话时出错，请稍后重试（草稿没有被修改）。"),
                            new ChatEvent.Done(Intent.UNKNOWN, 0, 0));
                })
                .cache();
        events.subscribe(e -> {
        }, e -> LOG.error("Chat turn {} of draft {} failed", turnId, draftId, e));
        return events;
    }

    /** Applies a proposed change as a new version of the draft; the draft as {@code GET /api/drafts/{id}} shows it. */
    Draft accept(Account account, long draftId, String changeId) {
        return transactions.execute(tx -> {
            DraftAccess.Current current = drafts.editable(account, draftId);
            Conversation.StoredChange stored = proposed(draftId, changeId);
            ChatEvent.Change change = Changes.located(current.declaration(), stored.change());
            Declaration next;
            try {
                next = Changes.apply(current.declaration(), change);
            } catch (Changes.ConflictException e) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
            }
            Draft saved = drafts.save(account, draftId, current.version(), next, "CHAT_ACCEPT", Map.of(
                    "change", changeId, "op", change.op().json(), "indicatorIndex", change.indicatorIndex()));
            store.decide(draftId, changeId, Conversation.Status.ACCEPTED, saved.version(), account.username());
            if (stored.undoes() != null) {
                store.decide(draftId, stored.undoes(), Conversation.Status.UNDONE, null, account.username());
            }
            return saved;
        });
    }

    Conversation.StoredChange reject(Account account, long draftId, String changeId) {
        return transactions.execute(tx -> {
            drafts.editable(account, draftId);
            proposed(draftId, changeId);
            store.decide(draftId, changeId, Conversation.Status.REJECTED, null, account.username());
            return store.change(draftId, changeId, false).orElseThrow();
        });
    }

    /** The change, locked until the transaction ends, if it still awaits a decision. */
    private Conversation.StoredChange proposed(long draftId, String changeId) {
        Conversation.StoredChange stored = store.change(draftId, changeId, true)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "对话中没有这条修改建议：" + changeId));
        if (stored.status() != Conversation.Status.PROPOSED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "这条修改建议" + switch (stored.status()) {
                case ACCEPTED -> "已经接受过（第 " + stored.appliedVersion() + " 版）";
                case REJECTED -> "已被拒绝";
                case UNDONE -> "已接受并已撤销";
                case PROPOSED -> "";
            } + "，不能再次处理");
        }
        return stored;
    }

    /**
     * The stored conversation as the assistant reads it. Each accepted change is listed with the last turn before it
     * was accepted, in the order accepted, so the last one listed is the one an undo reverses; changes since undone,
     * and the accepted undos themselves, are left out, so that a second undo reverses the change before.
     */
    static List<ChatTurn> history(List<Conversation.Turn> turns, List<Conversation.StoredChange> changes) {
        List<List<String>> accepted = new ArrayList<>();
        turns.forEach(t -> accepted.add(new ArrayList<>()));
        liveAccepted(changes).forEach(c -> {
            int at = 0;
            for (int i = 0; i < turns.size(); i++) {
                if (!turns.get(i).at().isAfter(c.decidedAt())) {
                    at = i;
                }
            }
            if (!turns.isEmpty()) {
                accepted.get(at).add(c.id());
            }
        });
        List<ChatTurn> history = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            history.add(new ChatTurn(turns.get(i).message(), turns.get(i).events(), accepted.get(i)));
        }
        return history;
    }

    private static Stream<Conversation.StoredChange> liveAccepted(List<Conversation.StoredChange> changes) {
        return changes.stream()
                .filter(c -> c.status() == Conversation.Status.ACCEPTED && c.undoes() == null)
                .sorted(Comparator.comparing(Conversation.StoredChange::decidedAt));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    /** What one turn has streamed so far, stored as it goes. Called for one event at a time, in order. */
    private final class Recording {

        private final long draftId;
        private final long turnId;
        private final int draftVersion;
        private final String undoable;
        private final List<ChatEvent> events = new ArrayList<>();
        private Intent intent;
        private boolean stored;

        Recording(long draftId, long turnId, int draftVersion, String undoable) {
            this.draftId = draftId;
            this.turnId = turnId;
            this.draftVersion = draftVersion;
            this.undoable = undoable;
        }

        /** Whether recording this event writes to the database. */
        boolean storing(ChatEvent event) {
            return event instanceof ChatEvent.Change || event instanceof ChatEvent.Done;
        }

        ChatEvent record(ChatEvent event) {
            events.add(event);
            switch (event) {
                case ChatEvent.Understood u -> intent = u.intent();
                case ChatEvent.Change c -> store.propose(draftId, turnId, c, draftVersion,
                        intent == Intent.UNDO ? undoable : null);
                case ChatEvent.Done d -> finish();
                default -> {
                }
            }
            return event;
        }

        /** Stores the turn's events; a turn that ended without {@code done} is stored as it is. */
        void finish() {
            if (!stored) {
                store.saveEvents(turnId, events);
                stored = true;
            }
        }
    }
}
