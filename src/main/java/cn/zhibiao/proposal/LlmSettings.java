package cn.zhibiao.proposal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
        double temperature) {

    public LlmSettings {
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        maxRetries = Math.max(0, maxRetries);
    }

    public static LlmSettings from(CommandSettings settings) {
        return new LlmSettings(settings.get("zhibiao.llm.base-url"), settings.get("zhibiao.llm.model"),
                settings.get("zhibiao.llm.api-key"), settings.duration("zhibiao.llm.timeout"),
                Integer.parseInt(settings.get("zhibiao.llm.max-retries")),
                settings.duration("zhibiao.llm.retry-backoff"),
                Double.parseDouble(settings.get("zhibiao.llm.temperature")));
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "(none)" : "(set)") + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", retryBackoff=" + retryBackoff + ", temperature=" + temperature + "]";
    }
}
