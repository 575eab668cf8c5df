package cn.zhibiao.chat;

import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import cn.zhibiao.draft.Draft;
import cn.zhibiao.system.Account;
import cn.zhibiao.system.Accounts;
import cn.zhibiao.system.Json;
import cn.zhibiao.web.ApiErrors;
import cn.zhibiao.web.RequestBodies;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The conversation about a draft (issue 13): {@code POST /api/drafts/{id}/chat} answers one message as server-sent
 * events named by their type, each carrying the event as the {@code chat} command prints it; the conversation is read
 * back with GET, and proposed changes are accepted or rejected one by one.
 */
@RestController
class ChatController {

    private final ChatService chat;
    private final Accounts accounts;
    private final ChatLimits limits;

    ChatController(ChatService chat, Accounts accounts, ChatLimits limits) {
        this.chat = chat;
        this.accounts = accounts;
        this.limits = limits;
    }

    @PostMapping("/api/drafts/{id}/chat")
    Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> talk(@PathVariable long id,
            @RequestBody(required = false) Flux<DataBuffer> body) {
        int maxBytes = (int) limits.maxRequestSize().toBytes();
        return RequestBodies.bytes(body, maxBytes, "消息超过大小上限 " + maxBytes + " 字节（zhibiao.chat.max-request-size）")
                .map(this::message)
                .flatMap(message -> as(account -> chat.turn(account, id, message)))
                .map(events -> ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(events
                        .map(e -> ServerSentEvent.builder(Transcript.line(e)).event(e.type()).build())));
    }

    @GetMapping("/api/drafts/{id}/chat")
    Mono<Conversation> conversation(@PathVariable long id) {
        return as(account -> chat.conversation(account, id));
    }

    @PostMapping("/api/drafts/{id}/changes/{changeId}/accept")
    Mono<Draft> accept(@PathVariable long id, @PathVariable String changeId) {
        return as(account -> chat.accept(account, id, changeId));
    }

    @PostMapping("/api/drafts/{id}/changes/{changeId}/reject")
    Mono<Conversation.StoredChange> reject(@PathVariable long id, @PathVariable String changeId) {
        return as(account -> chat.reject(account, id, changeId));
    }

    /**
     * Refusals are JSON whatever the client accepts: a panel that asks for an event stream still gets a body it can
     * show, not an error encoded as an event.
     */
    @ExceptionHandler(ResponseStatusException.class)
    Mono<Void> refused(ResponseStatusException e, ServerWebExchange exchange) {
        return ApiErrors.write(exchange, HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    private String message(byte[] bytes) {
        JsonNode root;
        try {
            root = bytes.length == 0 ? null : Json.mapper().readTree(bytes);
        } catch (JacksonException e) {
            root = null;
        }
        JsonNode message = root == null || !root.isObject() ? null : root.get("message");
        if (message == null || !message.isString()) {
            throw bad("请求体应为 {\"message\": \"要对助手说的话\"}");
        }
        String text = message.asString().strip();
        if (text.isEmpty()) {
            throw bad("请输入要对助手说的话，消息不能为空");
        }
        if (text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
            throw bad("消息过长：一条消息最多 " + limits.maxMessageLength() + " 个字，请分几次说");
        }
        return text;
    }

    /** Runs blocking work for the signed-in account off the event loop. */
    private <T> Mono<T> as(Function<Account, T> work) {
        return accounts.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录")))
                .publishOn(Schedulers.boundedElastic())
                .map(work);
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
