package cn.zhibiao.corpus;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** At most {@code concurrency} imports read and parse at a time; the others queue for a slot (see ImportProperties). */
@Component
class ImportGate {

    private final Semaphore slots;
    private final ImportProperties properties;

    ImportGate(ImportProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency(), true);
    }

    <T> Mono<T> run(Mono<T> work) {
        return Mono.fromCallable(() -> slots.tryAcquire(properties.queueTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(acquired -> acquired
                        ? work.doFinally(signal -> slots.release())
                        : Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                                "当前导入任务较多，请稍后重试")));
    }
}
