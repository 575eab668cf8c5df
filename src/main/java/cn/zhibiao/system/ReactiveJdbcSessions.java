package cn.zhibiao.system;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Spring Session JDBC for WebFlux. Spring Session 4 ships reactive repositories for Redis and MongoDB only; its JDBC
 * repository is blocking. This adapter runs that repository (schema, serialisation, session-id change, expiry
 * clean-up unchanged) on a bounded scheduler, off the event loop, so sessions live in the PostgreSQL every instance
 * shares.
 */
final class ReactiveJdbcSessions<S extends Session> implements ReactiveSessionRepository<S> {

    private final SessionRepository<S> delegate;
    private final Scheduler scheduler;

    ReactiveJdbcSessions(SessionRepository<S> delegate, Scheduler scheduler) {
        this.delegate = delegate;
        this.scheduler = scheduler;
    }

    @Override
    public Mono<S> createSession() {
        return Mono.fromSupplier(delegate::createSession);
    }

    @Override
    public Mono<Void> save(S session) {
        return Mono.<Void>fromRunnable(() -> delegate.save(session)).subscribeOn(scheduler);
    }

    @Override
    public Mono<S> findById(String id) {
        return Mono.fromCallable(() -> delegate.findById(id)).subscribeOn(scheduler);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return Mono.<Void>fromRunnable(() -> delegate.deleteById(id)).subscribeOn(scheduler);
    }
}
