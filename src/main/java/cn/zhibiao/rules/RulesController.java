package cn.zhibiao.rules;

import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.zhibiao.web.RequestBodies;

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
    Mono<List<Finding>> check(@RequestBody(required = false) Flux<DataBuffer> body) {
        return RequestBodies.bytes(body, maxRequestBytes,
                        "申报 JSON 超过上限 " + maxRequestBytes + " 字节（zhibiao.rules.max-request-size）")
                .publishOn(Schedulers.boundedElastic())
                .map(this::checked);
    }

    @GetMapping("/rules")
    Mono<List<RuleView>> rules() {
        return Mono.just(checker.catalog().rules());
    }

    @GetMapping("/rules/{id}")
    Mono<RuleView> rule(@PathVariable String id) {
        return Mono.justOrEmpty(checker.catalog().rule(id))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "未知规则：" + id + "。可用规则见 GET /api/rules")));
    }

    private List<Finding> checked(byte[] bytes) {
        try {
            return checker.check(DeclarationJson.readOne(bytes));
        } catch (InvalidDeclarationException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
