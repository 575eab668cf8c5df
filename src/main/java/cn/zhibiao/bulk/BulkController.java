package cn.zhibiao.bulk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.zhibiao.system.Account;
import cn.zhibiao.system.Accounts;

/**
 * The bulk API of the panel: {@code /api/bulk/jobs…}. A job belongs to its owner and its department; anyone else's
 * is answered 404, as if it did not exist. Uploads are spooled to disk part by part, never held in memory.
 */
@RestController
class BulkController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BulkJobs jobs;
    private final Accounts accounts;
    private final BulkProperties properties;

    BulkController(BulkJobs jobs, Accounts accounts, BulkProperties properties) {
        this.jobs = jobs;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** multipart: {@code files} (one or more forms, or .zip archives of them), optional {@code department}, {@code improve}. */
    @PostMapping(path = "/api/bulk/jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<JobView>> create(ServerWebExchange exchange) {
        Path dir = properties.dir().toAbsolutePath().normalize().resolve(UUID.randomUUID().toString());
        return accounts.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录")))
                .flatMap(account -> exchange.getMultipartData().flatMap(parts -> {
                    List<FilePart> files = parts.getOrDefault("files", List.of()).stream()
                            .filter(FilePart.class::isInstance).map(FilePart.class::cast).toList();
                    if (files.isEmpty()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "请上传文件（字段名 files，可以是多个申报表或一个 .zip 压缩包）"));
                    }
                    String department = department(account, field(parts.getFirst("department")));
                    boolean improve = "true".equalsIgnoreCase(field(parts.getFirst("improve")));
                    return Mono.fromRunnable(() -> BulkJobs.createDirectories(dir.resolve("upload")))
                            .subscribeOn(Schedulers.boundedElastic())
                            .thenMany(Flux.range(0, files.size()).concatMap(i -> {
                                FilePart part = files.get(i);
                                String name = displayName(part.filename());
                                Path target = dir.resolve("upload").resolve(String.format(Locale.ROOT, "%04d", i))
                                        .resolve(BulkJobs.baseName(name));
                                return Mono.fromRunnable(() -> BulkJobs.createDirectories(target.getParent()))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .then(part.transferTo(target))
                                        .thenReturn(new BulkJobs.Upload(name, target));
                            }))
                            .collectList()
                            .publishOn(Schedulers.boundedElastic())
                            .map(uploads -> jobs.create(account.username(), department, improve, dir, uploads))
                            .map(id -> ResponseEntity.status(HttpStatus.CREATED).body(jobs.view(jobs.row(id)
                                    .orElseThrow())));
                }));
    }

    @GetMapping("/api/bulk/jobs")
    Mono<List<JobView>> list() {
        return as(account -> jobs.rows().stream().filter(row -> visible(account, row)).map(jobs::view).toList());
    }

    @GetMapping("/api/bulk/jobs/{id}")
    Mono<JobView> get(@PathVariable long id) {
        return as(account -> jobs.view(row(account, id)));
    }

    /** {@code progress} events with the job's JSON every progress-interval, then one {@code done} when it ends. */
    @GetMapping(path = "/api/bulk/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<JobView>> events(@PathVariable long id) {
        return as(account -> row(account, id)).flatMapMany(row -> Flux.interval(java.time.Duration.ZERO,
                        properties.progressInterval())
                .concatMap(tick -> Mono.fromCallable(() -> jobs.view(row)).subscribeOn(Schedulers.boundedElastic()))
                .takeUntil(JobView::finished)
                .map(view -> ServerSentEvent.builder(view).event(view.finished() ? "done" : "progress").build()));
    }

    @GetMapping("/api/bulk/jobs/{id}/workbook")
    Mono<ResponseEntity<Resource>> workbook(@PathVariable long id) {
        return as(account -> {
            BulkStore.JobRow row = row(account, id);
            return download(jobs.workbook(row), XLSX, "绩效指标批量检查-" + id + ".xlsx");
        });
    }

    @GetMapping("/api/bulk/jobs/{id}/report")
    Mono<ResponseEntity<Resource>> report(@PathVariable long id) {
        return as(account -> {
            BulkStore.JobRow row = row(account, id);
            return download(jobs.report(row), MediaType.APPLICATION_JSON, "绩效指标批量检查-" + id + ".json");
        });
    }

    @PostMapping("/api/bulk/jobs/{id}/stop")
    Mono<JobView> stop(@PathVariable long id) {
        return control(id, jobs::stop);
    }

    @PostMapping("/api/bulk/jobs/{id}/restart")
    Mono<JobView> restart(@PathVariable long id) {
        return control(id, jobs::restart);
    }

    @PostMapping("/api/bulk/jobs/{id}/abandon")
    Mono<JobView> abandon(@PathVariable long id) {
        return control(id, jobs::abandon);
    }

    @ExceptionHandler(BulkJobs.Conflict.class)
    ResponseEntity<java.util.Map<String, Object>> conflict(BulkJobs.Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(java.util.Map.of("status", HttpStatus.CONFLICT.value(), "message", e.getMessage()));
    }

    private Mono<JobView> control(long id, java.util.function.LongConsumer action) {
        return as(account -> {
            BulkStore.JobRow row = row(account, id);
            action.accept(id);
            return jobs.view(row);
        });
    }

    private static ResponseEntity<Resource> download(Path file, MediaType type, String name) {
        if (!Files.isRegularFile(file)) {
            throw new BulkJobs.Conflict("结果尚未生成：任务完成后才能下载");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }

    private BulkStore.JobRow row(Account account, long id) {
        return jobs.row(id).filter(row -> visible(account, row))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "批量任务不存在"));
    }

    /** The owner, administrators, and the users of the job's department see a job. */
    private static boolean visible(Account account, BulkStore.JobRow row) {
        return account.username().equals(row.owner()) || row.department() != null && account.covers(row.department())
                || row.department() == null && account.role() == cn.zhibiao.system.Role.ADMIN;
    }

    /** The department asked for, if the user works for it; else the user's only department; else none. */
    private static String department(Account account, String asked) {
        if (asked != null && !asked.isBlank()) {
            if (!account.covers(asked.strip())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您不属于部门“" + asked.strip() + "”");
            }
            return asked.strip();
        }
        return account.departments().size() == 1 ? account.departments().iterator().next() : null;
    }

    private static String field(Part part) {
        return part instanceof FormFieldPart field ? field.value() : null;
    }

    /** The name as shown: a browser's folder upload keeps the relative path; control characters are dropped. */
    private static String displayName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/').codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return name.isEmpty() ? "未命名文件" : name;
    }

    private <T> Mono<T> as(Function<Account, T> work) {
        return accounts.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录")))
                .publishOn(Schedulers.boundedElastic())
                .map(work);
    }
}
