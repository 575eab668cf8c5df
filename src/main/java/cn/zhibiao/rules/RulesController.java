package cn.zhibiao.rules;

import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/check}, {@code GET /api/rules}, {@code GET /api/rules/{id}}. The body is read as bytes up to a
 * configured size and parsed here, so that a wrong field gets a Chinese message naming it; parsing and checking
 * run on the bounded-elastic scheduler, off the event loop.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class RulesController {

    private final RuleChecker checker;
    private final int maxRequestBytes;

    RulesController(RuleChecker checker, RulesProperties settings) {
        this.checker = checker;
        this.maxRequestBytes = (int) Math.min(Integer.MAX_VALUE, settings.maxRequestSize().toBytes());
    }

    @PostMapping("/check")
    Mono<ResponseEntity<Object>> check(@RequestBody(required = false) Flux<DataBuffer> body) {
        return DataBufferUtils.join(body == null ? Flux.empty() : body, maxRequestBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .map(this::checked)
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(error(HttpStatus.CONTENT_TOO_LARGE,
                        "申报 JSON 超过上限 " + maxRequestBytes + " 字节（zhibiao.rules.max-request-size）")));
    }

    @GetMapping("/rules")
    Mono<ResponseEntity<Object>> rules() {
        return Mono.just(ResponseEntity.ok(checker.catalog().rules()));
    }

    @GetMapping("/rules/{id}")
    Mono<ResponseEntity<Object>> rule(@PathVariable String id) {
        return Mono.just(checker.catalog().rule(id)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "未知规则：" + id + "。可用规则见 GET /api/rules")));
    }

    private ResponseEntity<Object> checked(byte[] bytes) {
        try {
            return ResponseEntity.ok(checker.check(DeclarationJson.readOne(bytes)));
        } catch (InvalidDeclarationException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
