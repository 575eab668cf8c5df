package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

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
