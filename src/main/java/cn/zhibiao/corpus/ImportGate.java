package cn.zhibiao.corpus;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * At most {@code concurrency} imports read and parse at a time; the others wait for a slot (see ImportProperties).
 * Waiting polls instead of blocking, so queued uploads hold no thread that other requests need.
 */
@Component
class ImportGate {

    /** How often a waiting upload looks for a free slot. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final Semaphore slots;
    private final long attempts;

    ImportGate(ImportProperties properties) {
        this.slots = new Semaphore(properties.concurrency());
        this.attempts = Math.max(1, properties.queueTimeout().toMillis() / POLL.toMillis());
    }

    <T> Mono<T> run(Mono<T> work) {
        return Mono.defer(() -> slots.tryAcquire() ? Mono.just(true) : Mono.error(new NoSlot()))
                .retryWhen(Retry.fixedDelay(attempts, POLL).filter(NoSlot.class::isInstance))
                .onErrorMap(Exceptions::isRetryExhausted, e -> new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE, "当前导入任务较多，请稍后重试"))
                .flatMap(acquired -> work.doFinally(signal -> slots.release()));
    }

    private static final class NoSlot extends RuntimeException {
        NoSlot() {
            super(null, null, false, false);
        }
    }
}
