package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class ImportGateTest {

    @Test
    void runsAtMostTheConfiguredNumberOfImportsAtOnce() {
        ImportGate gate = new ImportGate(new ImportProperties(2, Duration.ofSeconds(30)));
        AtomicInteger running = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Flux<Integer> imports = Flux.range(0, 6).flatMap(i -> gate.run(Mono.fromCallable(() -> {
            seen.add(running.incrementAndGet());
            return i;
        }).delayElement(Duration.ofMillis(50)).doOnTerminate(running::decrementAndGet)));
        StepVerifier.create(imports).expectNextCount(6).verifyComplete();
        assertThat(seen).hasSize(6).allMatch(n -> n <= 2);
    }

    @Test
    void refusesWithServiceUnavailableWhenNoSlotFreesInTime() {
        ImportGate gate = new ImportGate(new ImportProperties(1, Duration.ofMillis(300)));
        Sinks.One<String> never = Sinks.one();
        gate.run(never.asMono()).subscribe();
        StepVerifier.create(gate.run(Mono.just("second")))
                .expectErrorSatisfies(e -> assertThat(((ResponseStatusException) e).getStatusCode().value())
                        .isEqualTo(503))
                .verify(Duration.ofSeconds(30));
    }
}
