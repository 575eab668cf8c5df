package cn.zhibiao.bulk;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * With a language model configured, proposals of a bulk job start at most {@code callsPerSecond} per second, so that
 * a provider's rate limit is respected by hundreds of declarations; retries with back-off on 429/5xx stay with the
 * model client (zhibiao.llm.max-retries, retry-backoff). Offline, proposals are not throttled.
 */
final class LlmThrottle {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final RateLimiter limiter;

    private LlmThrottle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static LlmThrottle none() {
        return new LlmThrottle(null);
    }

    static LlmThrottle perSecond(double callsPerSecond, Duration wait) {
        // Whole permits per period: fractions of a call per second become one call per longer period.
        int permits = (int) Math.max(1, Math.floor(callsPerSecond));
        Duration period = callsPerSecond >= 1 ? PERIOD : Duration.ofMillis(Math.round(PERIOD.toMillis() / callsPerSecond));
        return new LlmThrottle(RateLimiter.of("bulk-llm", RateLimiterConfig.custom()
                .limitForPeriod(permits).limitRefreshPeriod(period).timeoutDuration(wait).build()));
    }

    <T> T call(Supplier<T> work) {
        return limiter == null ? work.get() : RateLimiter.decorateSupplier(limiter, work).get();
    }
}
