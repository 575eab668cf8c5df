package cn.zhibiao.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import cn.zhibiao.corpus.DeclarationsImported;
import cn.zhibiao.corpus.ImportedDeclarations;

/** The web app's retrieval: one index per process, opened (or built) at startup, closed with the context. */
@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetrievalConfiguration.class);

    @Bean
    RetrievalSettings retrievalSettings(Environment environment) {
        return RetrievalSettings.from(environment::getRequiredProperty);
    }

    @Bean(destroyMethod = "close")
    SimilarProjects similarProjects(RetrievalSettings settings) {
        return SimilarProjects.open(settings);
    }

    /** Imported forms become searchable as soon as the import answers. */
    @Bean
    ApplicationListener<PayloadApplicationEvent<DeclarationsImported>> indexImportedDeclarations(
            SimilarProjects projects) {
        return event -> projects.indexAll(event.getPayload().declarations());
    }

    /** Declarations users imported earlier are put back into an index that was rebuilt from the corpus. */
    @Bean
    ApplicationRunner catchUpImportedDeclarations(SimilarProjects projects, ImportedDeclarations imported) {
        return args -> {
            int added = projects.indexMissing(imported.all());
            if (added > 0) {
                log.info("已将 {} 份用户导入的申报补入检索索引", added);
            }
        };
    }

    /** Lucene and ONNX block: they run here, never on the event loop, and at most {@code threads} at a time. */
    @Bean(destroyMethod = "dispose")
    Scheduler retrievalScheduler(RetrievalSettings settings) {
        return Schedulers.newBoundedElastic(settings.threads(), 200, "retrieval");
    }
}
