package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-06-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void blocksAUserNameAfterTheAllowedFailuresUntilTheyLeaveTheWindow() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(3, 100, WINDOW, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("zhangsan", "10.0.0.1")).isFalse();
            throttle.failed("zhangsan", "10.0.0.1");
        }
        assertThat(throttle.blocked("zhangsan", "10.0.0.2")).isTrue();
        assertThat(throttle.blocked("lisi", "10.0.0.1")).isFalse();
        clock.now = clock.now.plus(WINDOW).plusSeconds(1);
        assertThat(throttle.blocked("zhangsan", "10.0.0.1")).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyNames() {
        LoginThrottle throttle = new LoginThrottle(3, 5, WINDOW, new ManualClock());
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.blocked("someone-else", "10.0.0.9")).isTrue();
        assertThat(throttle.blocked("someone-else", "10.0.0.8")).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailures() {
        LoginThrottle throttle = new LoginThrottle(2, 100, WINDOW, new ManualClock());
        throttle.failed("zhangsan", "10.0.0.1");
        throttle.succeeded("zhangsan");
        throttle.failed("zhangsan", "10.0.0.1");
        assertThat(throttle.blocked("zhangsan", "10.0.0.1")).isFalse();
    }
}
