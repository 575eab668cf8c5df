package cn.zhibiao.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import cn.zhibiao.proposal.LlmSettings;

/** GET /api/status: whether a language model is in use, so the panel can say so; never the key or its address. */
@RestController
class StatusController {

    private final LlmSettings llm;

    StatusController(LlmSettings llm) {
        this.llm = llm;
    }

    record Llm(boolean configured, String model, String message) {
    }

    record Status(Llm llm) {
    }

    @GetMapping("/api/status")
    Mono<Status> status() {
        Llm model = llm.configured()
                ? new Llm(true, llm.model(), "指标建议由大模型 " + llm.model() + " 提出，并经规则检查")
                : new Llm(false, null, "未配置大模型：指标建议由离线建议器根据相似项目生成，其余功能不受影响");
        return Mono.just(new Status(model));
    }
}
