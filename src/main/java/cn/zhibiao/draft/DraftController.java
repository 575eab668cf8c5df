package cn.zhibiao.draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.DeclarationJson;
import cn.zhibiao.rules.InvalidDeclarationException;
import cn.zhibiao.system.Account;
import cn.zhibiao.system.Accounts;
import cn.zhibiao.system.Json;
import cn.zhibiao.web.RequestBodies;

/**
 * The drafts API (issue 11): {@code /api/drafts…} and the reviewers' queue {@code /api/reviews}. Bodies are read as
 * bytes up to a configured size and parsed here, so that a wrong field gets a Chinese message naming it; everything
 * blocking runs on the bounded-elastic scheduler.
 */
@RestController
class DraftController {

    private final DraftService drafts;
    private final Explanations explanations;
    private final PriorYear prior;
    private final Accounts accounts;
    private final int maxBytes;
    private final FormImporter importer;

    DraftController(DraftService drafts, Explanations explanations, PriorYear prior, Accounts accounts,
            DraftProperties properties) {
        this.drafts = drafts;
        this.explanations = explanations;
        this.prior = prior;
        this.accounts = accounts;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxRequestSize().toBytes());
        this.importer = new FormImporter(maxBytes);
    }

    record ReviewRequest(String decision, List<DraftService.CommentInput> comments) {
    }

    record SubmitRequest(List<DraftService.OverrideInput> overrides) {
    }

    @PostMapping("/api/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Draft> create(@RequestBody(required = false) Flux<DataBuffer> body) {
        return bytes(body).flatMap(bytes -> as(account -> drafts.create(account, declaration(bytes), null)));
    }

    /** One draft per declaration of an uploaded legacy form. */
    @PostMapping(path = "/api/drafts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<List<Draft>> createFromForm(@RequestPart("file") Mono<FilePart> file,
            @RequestPart(name = "department", required = false) String department) {
        return file.flatMap(part -> RequestBodies.bytes(part.content(), maxBytes, "文件“" + part.filename() + "”超过大小上限")
                        .flatMap(bytes -> as(account -> {
                            try {
                                return importer.read(part.filename(), bytes).declarations().stream()
                                        .map(d -> drafts.create(account, d, department))
                                        .toList();
                            } catch (ImportException e) {
                                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
                            }
                        })))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "请上传文件（字段名 file）")));
    }

    @GetMapping("/api/drafts")
    Mono<List<DraftSummary>> list(@RequestParam(required = false) DraftStatus status,
            @RequestParam(required = false) String department, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q) {
        return as(account -> drafts.list(account, status, department, year, q));
    }

    @GetMapping("/api/reviews")
    Mono<List<DraftSummary>> reviewQueue() {
        return as(drafts::reviewQueue);
    }

    @GetMapping("/api/drafts/{id}")
    Mono<Draft> get(@PathVariable long id) {
        return as(account -> drafts.get(account, id));
    }

    @PutMapping("/api/drafts/{id}")
    Mono<Draft> update(@PathVariable long id, @RequestBody(required = false) Flux<DataBuffer> body) {
        return bytes(body).flatMap(bytes -> as(account -> {
            JsonNode root = tree(bytes);
            JsonNode version = root.get("version");
            JsonNode declaration = root.get("declaration");
            if (version == null || !version.canConvertToInt() || declaration == null || !declaration.isObject()) {
                throw bad("请求体应为 {\"version\": 当前版本号, \"declaration\": {…}}");
            }
            return drafts.update(account, id, version.asInt(),
                    declaration(Json.mapper().writeValueAsBytes(declaration)));
        }));
    }

    @DeleteMapping("/api/drafts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable long id) {
        return as(account -> {
            drafts.delete(account, id);
            return true;
        }).then();
    }

    @PostMapping("/api/drafts/{id}/submit")
    Mono<Map<String, Object>> submit(@PathVariable long id,
            @RequestBody(required = false) Mono<SubmitRequest> request) {
        return request.defaultIfEmpty(new SubmitRequest(List.of()))
                .flatMap(r -> as(account -> {
                    DraftService.Submitted submitted = drafts.submit(account, id,
                            r.overrides() == null ? List.of() : r.overrides());
                    Map<String, Object> body = new LinkedHashMap<>(
                            Json.mapper().convertValue(submitted.draft(), Map.class));
                    body.put("unusedOverrides", submitted.unusedOverrides());
                    return body;
                }));
    }

    @PostMapping("/api/drafts/{id}/review")
    Mono<Draft> review(@PathVariable long id, @RequestBody Mono<ReviewRequest> request) {
        return request.flatMap(r -> as(account -> drafts.review(account, id, r.decision(), r.comments())));
    }

    @GetMapping("/api/drafts/{id}/findings")
    Mono<List<Explanations.Explained>> findings(@PathVariable long id) {
        return as(account -> explanations.findings(drafts.get(account, id)));
    }

    @GetMapping("/api/drafts/{id}/why/{indicatorIndex}")
    Mono<Explanations.Why> why(@PathVariable long id, @PathVariable int indicatorIndex) {
        return as(account -> {
            Draft draft = drafts.get(account, id);
            if (indicatorIndex < 0 || indicatorIndex >= draft.declaration().indicators().size()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "草稿 " + id + " 没有第 " + (indicatorIndex + 1)
                        + " 行指标");
            }
            return explanations.why(draft, indicatorIndex);
        });
    }

    @GetMapping("/api/drafts/{id}/history")
    Mono<List<AuditEvent>> history(@PathVariable long id) {
        return as(account -> drafts.history(account, id));
    }

    /** Audit events not about one draft (rule configuration changes); /api/admin is for administrators only. */
    @GetMapping("/api/admin/audit")
    Mono<List<AuditEvent>> systemHistory() {
        return as(account -> drafts.systemHistory());
    }

    @GetMapping("/api/drafts/{id}/versions")
    Mono<List<VersionInfo>> versions(@PathVariable long id) {
        return as(account -> drafts.versions(account, id));
    }

    @GetMapping("/api/drafts/{id}/versions/{version}")
    Mono<VersionInfo> version(@PathVariable long id, @PathVariable int version) {
        return as(account -> drafts.version(account, id, version));
    }

    @GetMapping("/api/drafts/{id}/diff")
    Mono<DraftDiff> diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return as(account -> DraftDiff.between(drafts.version(account, id, from), drafts.version(account, id, to)));
    }

    @GetMapping("/api/drafts/{id}/prior")
    Mono<PriorYear.Prior> prior(@PathVariable long id) {
        return as(account -> prior.of(drafts.get(account, id)));
    }

    @ExceptionHandler(DraftProblem.Stale.class)
    ResponseEntity<Map<String, Object>> stale(DraftProblem.Stale e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                "status", HttpStatus.CONFLICT.value(), "message", e.getMessage(), "current", e.current));
    }

    @ExceptionHandler(DraftProblem.Blocked.class)
    ResponseEntity<Map<String, Object>> blocked(DraftProblem.Blocked e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of(
                "status", HttpStatus.UNPROCESSABLE_CONTENT.value(), "message", e.getMessage(), "blocking", e.blocking));
    }

    /** Runs blocking work for the signed-in account off the event loop. */
    private <T> Mono<T> as(Function<Account, T> work) {
        return accounts.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录")))
                .publishOn(Schedulers.boundedElastic())
                .map(work);
    }

    private Mono<byte[]> bytes(Flux<DataBuffer> body) {
        return RequestBodies.bytes(body, maxBytes, "草稿 JSON 超过上限 " + maxBytes + " 字节（zhibiao.draft.max-request-size）");
    }

    private static Declaration declaration(byte[] bytes) {
        try {
            return DeclarationJson.readOne(bytes);
        } catch (InvalidDeclarationException e) {
            throw bad(e.getMessage());
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode root = Json.mapper().readTree(bytes);
            if (root == null || !root.isObject()) {
                throw bad("请求体应为 JSON 对象");
            }
            return root;
        } catch (JacksonException e) {
            throw bad("请求内容不是有效的 JSON，请检查格式。");
        }
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
