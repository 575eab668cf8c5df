package cn.zhibiao.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import reactor.core.scheduler.Schedulers;

/** Panel sessions in PostgreSQL (tables of V11__sessions.sql), so that any instance serves any signed-in user. */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    @Bean
    JdbcIndexedSessionRepository jdbcSessionRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            SecurityProperties properties) {
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc,
                new TransactionTemplate(transactions));
        repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
        return repository;
    }

    @Bean
    ReactiveSessionRepository<?> reactiveSessionRepository(JdbcIndexedSessionRepository jdbcSessions) {
        return new ReactiveJdbcSessions<>(jdbcSessions, Schedulers.boundedElastic());
    }
}
