package cn.zhibiao.proposal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import cn.zhibiao.system.CommandSettings;

/**
 * The OpenAI-compatible chat endpoint (DeepSeek, Qwen compatible mode, vLLM, Ollama {@code /v1}). An empty base URL
 * means no language model: proposals are made offline. The key is kept out of {@link #toString()} so that it cannot
 * reach a log line by accident.
 */
@ConfigurationProperties("zhibiao.llm")
public record LlmSettings(
        String baseUrl,
        String model,
        String apiKey,
        Duration timeout,
        int maxRetries,
        Duration retryBackoff,
        double temperature,
        Duration maxRetryAfter,
        CircuitBreaker circuitBreaker) {

    /**
     * When to stop calling a provider that is down: after {@code failures} calls in a row have failed, calls fail at
     * once for {@code openFor}; then {@code trialCalls} calls may try again, and the provider is called as usual if they
     * succeed.
     */
    public record CircuitBreaker(int failures, Duration openFor, int trialCalls) {

        /** More than one request's worth of retries, so that one unlucky request does not open it. */
        private static final int DEFAULT_FAILURES = 3;

        public CircuitBreaker {
            failures = failures <= 0 ? DEFAULT_FAILURES : failures;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
            trialCalls = Math.max(1, trialCalls);
        }
    }

    @ConstructorBinding
    public LlmSettings {
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        maxRetries = Math.max(0, maxRetries);
        maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(10) : maxRetryAfter;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(0, null, 0) : circuitBreaker;
    }

    /** Without a circuit-breaker block: the defaults above. */
    public LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
            Duration retryBackoff, double temperature) {
        this(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, temperature, null, null);
    }

    public static LlmSettings from(CommandSettings settings) {
        return new LlmSettings(settings.get("zhibiao.llm.base-url"), settings.get("zhibiao.llm.model"),
                settings.get("zhibiao.llm.api-key"), settings.duration("zhibiao.llm.timeout"),
                Integer.parseInt(settings.get("zhibiao.llm.max-retries")),
                settings.duration("zhibiao.llm.retry-backoff"),
                Double.parseDouble(settings.get("zhibiao.llm.temperature")),
                settings.duration("zhibiao.llm.max-retry-after"),
                new CircuitBreaker(Integer.parseInt(settings.get("zhibiao.llm.circuit-breaker.failures")),
                        settings.duration("zhibiao.llm.circuit-breaker.open-for"),
                        Integer.parseInt(settings.get("zhibiao.llm.circuit-breaker.trial-calls"))));
    }

    /** The same provider with another circuit breaker. */
    public LlmSettings withCircuitBreaker(CircuitBreaker breaker) {
        return new LlmSettings(baseUrl, model, apiKey, timeout, maxRetries, retryBackoff, temperature, maxRetryAfter,
                breaker);
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "(none)" : "(set)") + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", retryBackoff=" + retryBackoff + ", temperature=" + temperature + ", maxRetryAfter="
                + maxRetryAfter + ", circuitBreaker=" + circuitBreaker + "]";
    }
}
