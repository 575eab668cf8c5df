package cn.zhibiao.proposal;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/suggest}: a project in, a checked and cited proposal out; {@code /stream} as server-sent events. */
@RestController
@RequestMapping("/api/suggest")
class SuggestController {

    private static final String NAME_MISSING = "请填写项目名称（projectName）";

    private final ProposalService proposals;

    SuggestController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> suggest(@RequestBody ProjectBrief project) {
        if (project.projectName() == null || project.projectName().isBlank()) {
            return Mono.just(ResponseEntity.badRequest().body(Map.of("message", NAME_MISSING, "project", project)));
        }
        return Mono.fromCallable(() -> proposals.propose(project)).subscribeOn(Schedulers.boundedElastic())
                .map(ResponseEntity::ok);
    }

    @PostMapping(path = "/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@RequestBody ProjectBrief project) {
        Flux<ProposalEvent> events = project.projectName() == null || project.projectName().isBlank()
                ? Flux.just(new ProposalEvent.Failed(NAME_MISSING, project))
                : proposals.stream(project);
        return events.map(e -> ServerSentEvent.builder(e.data()).event(e.type()).build());
    }
}
