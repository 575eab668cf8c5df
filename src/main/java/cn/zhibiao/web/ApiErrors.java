package cn.zhibiao.web;

import java.util.Locale;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import cn.zhibiao.system.BoundedNumbers;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;

import cn.zhibiao.system.Json;

/**
 * Every API error answers {@code {"status", "message"}} with a message a user can act on, in Chinese. Malformed JSON
 * names the field that could not be read. {@link ErrorResponses} gives Spring's own errors (unknown path, wrong method,
 * oversized or malformed body) the same shape through {@link #of(Throwable)}.
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
        ApiError error = of(e);
        return respond(HttpStatus.valueOf(error.status()), error.message());
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

    /** The answer to any failure: our own messages are kept, Spring's and Java's are replaced by Chinese ones. */
    static ApiError of(Throwable e) {
        if (e instanceof ServerWebInputException input && !(e instanceof MethodNotAllowedException)) {
            return new ApiError(input.getStatusCode().value(), inputMessage(input));
        }
        ResponseStatusException ours = cause(e, ResponseStatusException.class);
        if (!(e instanceof ResponseStatusException) && ours != null) {
            // A limit tripped while a codec was reading (multipart, JSON) arrives wrapped in the codec's error.
            return of(ours);
        }
        if (e instanceof ResponseStatusException rse) {
            int status = rse.getStatusCode().value();
            String reason = rse.getReason();
            return new ApiError(status, reason != null && isChinese(reason) ? reason : standard(rse, status));
        }
        if (e instanceof DataBufferLimitException || cause(e, DataBufferLimitException.class) != null) {
            return new ApiError(HttpStatus.CONTENT_TOO_LARGE.value(), "请求内容或上传文件超过大小上限，请缩小后重试");
        }
        if (e instanceof DecodingException) {
            return new ApiError(HttpStatus.BAD_REQUEST.value(), "请求内容无法解析，请检查格式");
        }
        return new ApiError(HttpStatus.INTERNAL_SERVER_ERROR.value(), "服务器内部错误，请稍后重试；如持续出现，请联系管理员");
    }

    private static String standard(ResponseStatusException e, int status) {
        return switch (status) {
            case 400 -> e.getCause() instanceof DecodingException || cause(e, DecodingException.class) != null
                    ? "请求内容无法解析，请检查格式（上传文件应使用 multipart/form-data，字段名 file）"
                    : "请求有误，请检查后重试";
            case 404 -> "请求的地址不存在";
            case 405 -> e instanceof MethodNotAllowedException m
                    ? "该地址不支持 " + m.getHttpMethod().toUpperCase(Locale.ROOT) + " 请求" : "该地址不支持此请求方法";
            case 406 -> "无法按请求的格式（Accept）作答，本服务返回 JSON";
            case 413 -> "请求内容超过大小上限，请缩小后重试";
            case 415 -> "不支持的内容类型（Content-Type），JSON 接口请用 application/json，上传请用 multipart/form-data";
            case 503 -> "服务繁忙或处理超时，请稍后重试";
            default -> status >= 500 ? "服务器内部错误，请稍后重试；如持续出现，请联系管理员" : "请求有误，请检查后重试";
        };
    }

    static String inputMessage(ServerWebInputException e) {
        DatabindException databind = cause(e, DatabindException.class);
        if (databind != null) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
            if (field == null) {
                return "请求内容不是有效的 JSON，请检查格式。";
            }
            return databind instanceof BoundedNumbers.OutOfRange
                    ? "请求内容中字段“" + field + "”的" + databind.getOriginalMessage() + "。"
                    : "请求内容中字段“" + field + "”的值无法识别，请检查格式。";
        }
        if (cause(e, DecodingException.class) != null) {
            return "请求内容不是有效的 JSON，请检查格式。";
        }
        return e.getReason() != null && isChinese(e.getReason()) ? e.getReason() : "请求有误，请检查后重试。";
    }

    /** "50MB", "512KB": the limit as a user reads it. */
    static String size(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? bytes / (1 << 20) + "MB"
                : bytes >= 1 << 10 ? bytes / (1 << 10) + "KB" : bytes + " 字节";
    }

    private static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
