package cn.zhibiao.web;

import java.util.concurrent.TimeoutException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies and time, bounded before any handler runs: a declared Content-Length above the path's limit is
 * answered 413 without reading a byte, a body that streams in without one is cut off at the limit, and a request
 * still running after the time limit is answered 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimits implements WebFilter {

    private final WebLimits limits;

    RequestLimits(WebLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limits.bodyLimit(request.getPath().pathWithinApplication().value());
        if (request.getHeaders().getContentLength() > limit) {
            return Mono.error(tooLarge(limit));
        }
        ServerHttpRequest bounded = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(bounded).build())
                .timeout(limits.requestTimeout(), Mono.error(() -> new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE, "请求处理超时（超过 " + limits.requestTimeout().toSeconds()
                                + " 秒），请稍后重试或缩小请求内容", new TimeoutException())));
    }

    private static ResponseStatusException tooLarge(long limit) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "请求内容超过大小上限 " + ApiErrors.size(limit) + "，请缩小文件或内容后重试");
    }
}
