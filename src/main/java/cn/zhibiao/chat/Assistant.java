package cn.zhibiao.chat;

import java.util.List;

import cn.zhibiao.indicator.Declaration;
import reactor.core.publisher.Flux;

/**
 * Answers one chat message about a draft declaration, given the conversation so far. It never edits the draft: edits
 * are proposed as {@link ChatEvent.Change} events, which the caller applies when the user accepts them.
 */
public interface Assistant {

    Flux<ChatEvent> turn(Declaration draft, List<ChatTurn> history, String message);
}
