package cn.zhibiao.web;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;

import cn.zhibiao.system.Json;

/**
 * Every API error answers {@code {"status", "message"}} with a message a user can act on, in Chinese. Malformed JSON
 * names the field that could not be read.
 */
@RestControllerAdvice
public class ApiErrors {

    record ApiError(int status, String message) {
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ApiError> badInput(ServerWebInputException e) {
        return respond(HttpStatus.BAD_REQUEST, inputMessage(e));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        String reason = e.getReason() != null ? e.getReason() : status.getReasonPhrase();
        return respond(status, reason);
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message));
    }

    /**
     * Writes the same {@code {"status", "message"}} body outside a controller: the security filters answer before any
     * handler runs.
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String message) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = Json.mapper().writeValueAsBytes(new ApiError(status.value(), message));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static String inputMessage(ServerWebInputException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException databind) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
            return field == null ? "请求内容不是有效的 JSON：" + databind.getOriginalMessage()
                    : "请求内容中字段“" + field + "”的值无法识别，请检查格式。";
        }
        if (e.getCause() instanceof DecodingException) {
            return "请求内容不是有效的 JSON，请检查格式。";
        }
        return e.getReason() != null ? "请求有误：" + e.getReason() : "请求有误。";
    }
}
