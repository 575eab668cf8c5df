package cn.zhibiao.chat;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/** How every assistant runs a turn: off the event loop (the engine blocks), and ending in an event even when it fails. */
final class Turns {

    private static final Logger LOG = LoggerFactory.getLogger(Turns.class);

    private Turns() {
    }

    /** The events {@code turn} emits; an unexpected failure ends them with an error event, the draft untouched. */
    static Flux<ChatEvent> blocking(Consumer<FluxSink<ChatEvent>> turn) {
        return Flux.<ChatEvent>create(sink -> {
            turn.accept(sink);
            sink.complete();
        }).subscribeOn(Schedulers.boundedElastic()).onErrorResume(e -> {
            LOG.error("Chat turn failed", e);
            return Flux.just(new ChatEvent.Failed("处理这条消息时出错，请稍后重试（草稿没有被修改）。"),
                    new ChatEvent.Done(Intent.UNKNOWN, 0, 0));
        });
    }
}
