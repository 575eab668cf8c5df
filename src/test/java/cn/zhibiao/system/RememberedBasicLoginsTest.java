package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RememberedBasicLoginsTest {

    private final AtomicInteger checks = new AtomicInteger();
    /** Accepts only zhang / right, counting every check as BCrypt would cost one. */
    private final ReactiveAuthenticationManager bcrypt = login -> {
        checks.incrementAndGet();
        return "zhang".equals(login.getName()) && "right".equals(login.getCredentials())
                ? Mono.just(UsernamePasswordAuthenticationToken.authenticated("zhang", null, List.of()))
                : Mono.error(new BadCredentialsException("wrong"));
    };
    private final ManualClock clock = new ManualClock();
    private final RememberedBasicLogins logins = new RememberedBasicLogins(bcrypt, Duration.ofSeconds(60), 100, clock);

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void checksTheSameCorrectPasswordOnceWithinTheWindow() {
        for (int i = 0; i < 5; i++) {
            StepVerifier.create(logins.authenticate(login("zhang", "right")))
                    .assertNext(a -> assertThat(a.getName()).isEqualTo("zhang")).verifyComplete();
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void checksAgainOnceTheWindowHasPassed() {
        logins.authenticate(login("zhang", "right")).block();
        clock.now = clock.now.plusSeconds(61);
        logins.authenticate(login("zhang", "right")).block();
        assertThat(checks).hasValue(2);
    }

    @Test
    void neverRemembersAWrongPasswordNorLetsItThroughAfterARightOne() {
        logins.authenticate(login("zhang", "right")).block();
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(logins.authenticate(login("zhang", "wrong")))
                    .expectError(BadCredentialsException.class).verify();
        }
        assertThat(checks).hasValue(4);
    }
}
