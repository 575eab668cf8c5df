package cn.zhibiao.retrieval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.zhibiao.indicator.Declaration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * POST /api/similar and /api/similar-indicators, and GET /api/declarations/{id} (the past project a hit links to);
 * the blocking search runs on the bounded retrieval scheduler.
 */
@RestController
class SimilarController {

    static final int DEFAULT_K = 5;

    record SimilarRequest(String projectName, String overview, String department, String region, Integer year,
            BigDecimal fundsWanYuan, Integer k) {
    }

    record SimilarIndicatorsRequest(String level2, String text, Integer k) {
    }

    record IndicatorsResponse(List<IndicatorHit> hits) {
    }

    private final SimilarProjects projects;
    private final Scheduler scheduler;

    SimilarController(SimilarProjects projects, @Qualifier("retrievalScheduler") Scheduler scheduler) {
        this.projects = projects;
        this.scheduler = scheduler;
    }

    @PostMapping("/api/similar")
    Mono<SimilarResult> similar(@RequestBody SimilarRequest request) {
        ProjectQuery query = new ProjectQuery(request.projectName(), request.overview(), request.department(),
                request.region(), request.year(), request.fundsWanYuan());
        return Mono.fromCallable(() -> projects.search(query, k(request.k()))).subscribeOn(scheduler);
    }

    @PostMapping("/api/similar-indicators")
    Mono<IndicatorsResponse> similarIndicators(@RequestBody SimilarIndicatorsRequest request) {
        return Mono.fromCallable(() -> new IndicatorsResponse(
                projects.similarIndicators(request.level2(), request.text(), k(request.k())))).subscribeOn(scheduler);
    }

    @GetMapping("/api/declarations/{id}")
    Mono<Declaration> declaration(@PathVariable String id) {
        return Mono.fromCallable(() -> projects.declaration(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "资料库中没有这个项目"))).subscribeOn(scheduler);
    }

    /** Empty or unusable input: the message says what to fill in. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }

    private static int k(Integer k) {
        return k == null ? DEFAULT_K : Math.clamp(k, 1, SimilarProjects.MAX_K);
    }
}
