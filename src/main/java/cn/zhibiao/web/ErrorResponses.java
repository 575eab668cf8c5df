package cn.zhibiao.web;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

import cn.zhibiao.system.Json;

/**
 * Errors no controller handled — unknown paths, wrong methods and media types, oversized or malformed bodies, and
 * failures in filters or codecs — answered as {@code {"status", "message"}} in Chinese. Ordered before Boot's
 * default handler (order -1), whose answers carry English texts and exception details.
 */
@Component
@Order(-2)
class ErrorResponses implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(e);
        }
        ApiErrors.ApiError error = ApiErrors.of(e);
        if (error.status() >= 500) {
            log.error("{} {} 处理失败", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        }
        response.setStatusCode(HttpStatus.valueOf(error.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = Json.mapper().writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
