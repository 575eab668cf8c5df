package cn.zhibiao.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhibiao.corpus.DeclarationsImported;
import cn.zhibiao.corpus.ImportedDeclarations;

/** Keeps the index in step with what users import into PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class ImportedIndexing {

    private static final Logger log = LoggerFactory.getLogger(ImportedIndexing.class);

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
}
