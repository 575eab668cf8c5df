package cn.zhibiao.proposal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one place that calls the language-model provider, for proposals and the chat alike: models built over an HTTP
 * client that keeps {@code Retry-After} and recognises a web page answered with 200; retries of 429 and 5xx that wait
 * what the provider asked for, else the configured backoff; and a circuit breaker that stops calling a provider that
 * keeps failing and tries it again after a wait. Every failure leaves here as an {@link LlmFailure} worded for users.
 */
public final class Provider {

    private static final Logger LOG = LoggerFactory.getLogger(Provider.class);

    private final LlmSettings settings;
    private final CircuitBreaker breaker;

    private Provider(LlmSettings settings) {
        this.settings = settings;
        LlmSettings.CircuitBreaker b = settings.circuitBreaker();
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.failures())
                .minimumNumberOfCalls(b.failures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(b.trialCalls())
                .recordException(e -> e instanceof LlmFailure f && f.providerDown())
                .build());
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("LLM circuit breaker: {}",
                e.getStateTransition()));
    }

    public static Provider create(LlmSettings settings) {
        return new Provider(settings);
    }

    public LlmSettings settings() {
        return settings;
    }

    /** A streaming model for tool calling (no JSON mode: the answer is prose and tool calls). */
    public StreamingChatModel streaming() {
        return OpenAiStreamingChatModel.builder().baseUrl(settings.baseUrl()).apiKey(key())
                .modelName(settings.model()).temperature(settings.temperature()).timeout(settings.timeout())
                .httpClientBuilder(ProviderHttpClient.builder()).returnThinking(true).build();
    }

    ChatModel jsonModel() {
        // Retries are ours (see call): the client's would also retry timeouts, multiplying the wait.
        return OpenAiChatModel.builder().baseUrl(settings.baseUrl()).apiKey(key())
                .modelName(settings.model()).temperature(settings.temperature()).timeout(settings.timeout())
                .httpClientBuilder(ProviderHttpClient.builder()).maxRetries(0).responseFormat("json_object")
                .returnThinking(true).build();
    }

    StreamingChatModel jsonStreaming() {
        return OpenAiStreamingChatModel.builder().baseUrl(settings.baseUrl()).apiKey(key())
                .modelName(settings.model()).temperature(settings.temperature()).timeout(settings.timeout())
                .httpClientBuilder(ProviderHttpClient.builder()).responseFormat("json_object").returnThinking(true)
                .build();
    }

    /**
     * Subscribes to {@code attempt} (a cold Mono that makes one request) through the breaker, again after a 429 or
     * 5xx. A failure that arrives after the attempt has produced output must not be retried by the caller's design:
     * 429 and 5xx come before any output.
     */
    public <T> Mono<T> call(Mono<T> attempt) {
        return Mono.defer(() -> once(attempt))
                .retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
                    LlmFailure failure = (LlmFailure) signal.failure();
                    int attempts = (int) signal.totalRetries() + 1;
                    Duration wait = pause(failure, attempts);
                    return wait == null ? Mono.error(failure.afterAttempts(attempts)) : Mono.delay(wait);
                })));
    }

    /** The same for a blocking request: call from a thread that may wait (never the event loop). */
    <T> T callBlocking(Supplier<T> attempt) {
        for (int attempts = 1;; attempts++) {
            permit();
            long start = System.nanoTime();
            try {
                T out = attempt.get();
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return out;
            } catch (RuntimeException e) {
                LlmFailure failure = LlmFailure.of(e, settings, 1);
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                Duration wait = pause(failure, attempts);
                if (wait == null) {
                    throw failure.afterAttempts(attempts);
                }
                sleep(wait);
            }
        }
    }

    private <T> Mono<T> once(Mono<T> attempt) {
        try {
            permit();
        } catch (LlmFailure open) {
            return Mono.error(open);
        }
        long start = System.nanoTime();
        return attempt
                .onErrorMap(e -> LlmFailure.of(e, settings, 1))
                .doOnSuccess(v -> breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS))
                .doOnError(e -> breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e))
                .doOnCancel(breaker::releasePermission);
    }

    private void permit() {
        if (!breaker.tryAcquirePermission()) {
            throw new LlmFailure(LlmFailure.Kind.CIRCUIT_OPEN, "大模型服务接连失败，暂停调用，约"
                    + Math.max(1, settings.circuitBreaker().openFor().toSeconds()) + "秒后再试");
        }
    }

    /** How long to wait before the next attempt, or null when there is none. */
    private Duration pause(LlmFailure failure, int attempts) {
        if (!LlmFailure.retriable(failure) || attempts > settings.maxRetries()) {
            return null;
        }
        Duration asked = failure.retryAfter();
        if (asked != null) {
            return asked.compareTo(settings.maxRetryAfter()) <= 0 ? asked : null;
        }
        return settings.retryBackoff().multipliedBy(1L << (attempts - 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, "大模型请求被中断");
        }
    }

    private String key() {
        // Local servers (Ollama, vLLM) take no key, but the client insists on one.
        return settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey();
    }
}
