package cn.zhibiao.proposal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * The HTTP client under LangChain4j's OpenAI models, for what the stock client cannot tell: it keeps the
 * {@code Retry-After} of a refused request (the stock one keeps only status and body), and it reports a web page
 * answered with status 200 — a login portal, a proxy's error page, a base URL missing {@code /v1} — as such, instead
 * of letting it surface as malformed JSON or a dropped stream.
 */
final class ProviderHttpClient implements dev.langchain4j.http.client.HttpClient {

    /** A refused request, with the wait the provider asked for (null if it named none). */
    static final class Refused extends HttpException {

        private final transient Duration retryAfter;

        Refused(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }
    }

    /** How many bytes are looked at to tell a web page from JSON or an event stream. */
    private static final int SNIFF = 256;

    private final HttpClient http;
    private final Duration readTimeout;

    private ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        this.http = builder.build();
        this.readTimeout = readTimeout;
    }

    static HttpClientBuilder builder() {
        return new HttpClientBuilder() {
            private Duration connect;
            private Duration read;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                connect = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                read = timeout;
                return this;
            }

            @Override
            public dev.langchain4j.http.client.HttpClient build() {
                return new ProviderHttpClient(connect, read);
            }
        };
    }

    /** The {@code Retry-After} carried by {@code e} or one of its causes. */
    static Duration retryAfter(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Refused r) {
                return r.retryAfter;
            }
        }
        return null;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(jdk(request), BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, "大模型请求被中断");
        }
        try (InputStream in = response.body()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            refuseUnlessAnswer(response, body);
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(body).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        http.sendAsync(jdk(request), BodyHandlers.ofInputStream()).thenAccept(response -> {
            try (InputStream in = new BufferedInputStream(response.body(), SNIFF)) {
                if (response.statusCode() < 200 || response.statusCode() >= 300) {
                    refuseUnlessAnswer(response, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                // Only what has arrived: waiting for more would hold back the model's first token.
                in.mark(SNIFF);
                byte[] first = new byte[SNIFF];
                int read = Math.max(0, in.read(first));
                in.reset();
                String start = new String(first, 0, read, StandardCharsets.UTF_8);
                refuseUnlessAnswer(response, start);
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).build());
                parser.parse(in, listener);
                listener.onClose();
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        }).exceptionally(e -> {
            listener.onError(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            return null;
        });
    }

    /** Throws unless the response is a 2xx that is not a web page; {@code body} may be only its beginning. */
    private static void refuseUnlessAnswer(HttpResponse<?> response, String body) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new Refused(status, body, retryAfter(response.headers()));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("text/html") || body.stripLeading().startsWith("<")) {
            throw new LlmFailure(LlmFailure.Kind.WEB_PAGE,
                    "大模型服务返回的是网页而不是接口应答（HTTP " + status + "），请检查 zhibiao.llm.base-url 是否为接口地址（通常以 /v1 结尾）");
        }
    }

    /** Seconds, or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private java.net.http.HttpRequest jdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .method(request.method().name(), request.body() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }
}
