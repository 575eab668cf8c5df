package cn.zhibiao.proposal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

/**
 * Why the language model gave no usable answer, worded for the user (the message). The offline proposer or assistant
 * answers instead, and this reason becomes its notice. Messages never include the API key or the provider's body.
 */
public final class LlmFailure extends RuntimeException {

    enum Kind {
        TIMEOUT,
        UNAUTHORIZED,
        RATE_LIMITED,
        SERVER_ERROR,
        MODEL_NOT_FOUND,
        REJECTED,
        UNREACHABLE,
        EMPTY,
        MALFORMED,
        STREAM_CUT,
        WEB_PAGE,
        CIRCUIT_OPEN
    }

    /** Failures that say the provider is down or misconfigured, rather than that one answer was poor. */
    private static final Set<Kind> PROVIDER_DOWN = Set.of(Kind.TIMEOUT, Kind.UNAUTHORIZED, Kind.RATE_LIMITED,
            Kind.SERVER_ERROR, Kind.MODEL_NOT_FOUND, Kind.UNREACHABLE, Kind.WEB_PAGE);

    private final Kind kind;
    private final transient Duration retryAfter;

    LlmFailure(Kind kind, String reason) {
        this(kind, reason, null);
    }

    private LlmFailure(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.retryAfter = ProviderHttpClient.retryAfter(cause);
    }

    /** The wait the provider asked for with {@code Retry-After}, if it did. */
    Duration retryAfter() {
        return retryAfter;
    }

    boolean providerDown() {
        return PROVIDER_DOWN.contains(kind);
    }

    /** The same failure, saying how many attempts were made. */
    LlmFailure afterAttempts(int attempts) {
        return attempts > 1 && retriable(this) ? new LlmFailure(kind, getMessage() + "，已尝试" + attempts + "次", getCause())
                : this;
    }

    /** For the log: the client's exception type, which names the fault without quoting the provider's body. */
    String causeType() {
        return getCause() == null ? "-" : getCause().getClass().getName();
    }

    Kind kind() {
        return kind;
    }

    /** The notice shown to the user: what went wrong, and that the offline proposal is shown instead. */
    String notice() {
        return getMessage() + "，已改用离线建议";
    }

    /** 429 and 5xx are worth another attempt after a pause; a wrong key or a timeout is not. */
    static boolean retriable(Throwable e) {
        if (e instanceof LlmFailure f) {
            return f.kind == Kind.RATE_LIMITED || f.kind == Kind.SERVER_ERROR;
        }
        return !isEmptyAnswer(e) && (e instanceof RateLimitException || e instanceof InternalServerException
                || e instanceof HttpException h && h.statusCode() >= 500);
    }

    /** The client reports a 200 answer with an empty {@code choices} array as a server error; it is not one. */
    private static boolean isEmptyAnswer(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("no choices");
    }

    static LlmFailure of(Throwable e, LlmSettings settings, int attempts) {
        // The client wraps what our HTTP client raised (a web page instead of JSON) in its own exceptions.
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof LlmFailure failure) {
                return failure;
            }
        }
        String tries = attempts > 1 ? "，已尝试" + attempts + "次" : "";
        if (isEmptyAnswer(e)) {
            return new LlmFailure(Kind.EMPTY, "大模型未返回任何回答（choices 为空）", e);
        }
        if (isTimeout(e)) {
            return new LlmFailure(Kind.TIMEOUT, "大模型请求超时（" + settings.timeout().toSeconds() + "秒）", e);
        }
        if (e instanceof AuthenticationException || e instanceof HttpException h && (h.statusCode() == 401
                || h.statusCode() == 403)) {
            return new LlmFailure(Kind.UNAUTHORIZED, "大模型拒绝了 API 密钥（HTTP " + status(e, 401) + "），请检查 zhibiao.llm.api-key", e);
        }
        if (e instanceof RateLimitException) {
            return new LlmFailure(Kind.RATE_LIMITED, "大模型请求过于频繁（HTTP 429）" + tries, e);
        }
        if (e instanceof ModelNotFoundException) {
            return new LlmFailure(Kind.MODEL_NOT_FOUND, "大模型服务找不到模型“" + settings.model() + "”（HTTP 404）", e);
        }
        if (e instanceof InternalServerException || e instanceof HttpException h && h.statusCode() >= 500) {
            return new LlmFailure(Kind.SERVER_ERROR, "大模型服务暂时不可用（HTTP " + status(e, 500) + "）" + tries, e);
        }
        if (e instanceof InvalidRequestException || e instanceof HttpException) {
            return new LlmFailure(Kind.REJECTED, "大模型服务拒绝了请求（HTTP " + status(e, 400) + "）", e);
        }
        if (hasCause(e, IOException.class)) {
            return new LlmFailure(Kind.UNREACHABLE, "与大模型服务的连接失败或中断，请检查 zhibiao.llm.base-url 与网络", e);
        }
        return new LlmFailure(Kind.MALFORMED, "大模型返回的内容无法解析", e);
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof TimeoutException || e instanceof java.util.concurrent.TimeoutException
                || hasCause(e, HttpTimeoutException.class) || hasCause(e, java.util.concurrent.TimeoutException.class)
                || hasCause(e, java.net.SocketTimeoutException.class);
    }

    private static int status(Throwable e, int fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
        }
        return fallback;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
