package cn.zhibiao.retrieval;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The web app's retrieval: one index per process, opened (or built) at startup, closed with the context. */
@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    @Bean
    RetrievalSettings retrievalSettings(Environment environment) {
        return RetrievalSettings.from(environment::getRequiredProperty);
    }

    @Bean(destroyMethod = "close")
    SimilarProjects similarProjects(RetrievalSettings settings) {
        SimilarProjects projects = SimilarProjects.open(settings);
        projects.preloadModel();
        return projects;
    }

    /** Lucene and ONNX block: they run here, never on the event loop, and at most {@code threads} at a time. */
    @Bean(destroyMethod = "dispose")
    Scheduler retrievalScheduler(RetrievalSettings settings) {
        return Schedulers.newBoundedElastic(settings.threads(), 200, "retrieval");
    }
}
