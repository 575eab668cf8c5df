package cn.zhibiao.retrieval;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The web app's retrieval: one index per process, opened (or built) at startup, closed with the context. An index
 * opened unchanged needs no embedding model, so the model loads once the app answers, not before.
 */
@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    @Bean
    RetrievalSettings retrievalSettings(Environment environment) {
        return RetrievalSettings.from(environment::getRequiredProperty);
    }

    @Bean(destroyMethod = "close")
    SimilarProjects similarProjects(RetrievalSettings settings) {
        return SimilarProjects.open(settings);
    }

    /** On two cores, loading the model during start-up would slow the start-up itself. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> preloadEmbeddingModel(SimilarProjects projects) {
        return event -> projects.preloadModel();
    }

    /** Lucene and ONNX block: they run here, never on the event loop, and at most {@code threads} at a time. */
    @Bean(destroyMethod = "dispose")
    Scheduler retrievalScheduler(RetrievalSettings settings) {
        return Schedulers.newBoundedElastic(settings.threads(), 200, "retrieval");
    }
}
