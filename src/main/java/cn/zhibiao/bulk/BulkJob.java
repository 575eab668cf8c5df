package cn.zhibiao.bulk;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zhibiao.corpus.CorpusProperties;
import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportLimits;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.proposal.LlmSettings;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.Json;

/**
 * The bulk job on Spring Batch, its repository in the app's PostgreSQL: step {@code files} reads each file into
 * declarations (an unreadable file is skipped with its reason), step {@code declarations} checks each declaration and
 * proposes replacements for its flagged rows, several at a time (a failing declaration is skipped with its reason),
 * and step {@code results} writes the workbook and the JSON report from the stored results.
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing(taskExecutorRef = "bulkLauncher")
@EnableJdbcJobRepository
class BulkJob {

    static final String NAME = "bulk";
    static final String PARAMETER = "bulk.job";

    private static final Logger LOG = LoggerFactory.getLogger(BulkJob.class);

    static long id(JobExecution execution) {
        return execution.getJobParameters().getLong(PARAMETER);
    }

    /** What step {@code files} hands on: a file and the declarations read from it. */
    record ReadFile(int index, List<Declaration> declarations) {
    }

    /** What step {@code declarations} hands on: an item and its report. */
    record Reviewed(int fileIndex, int declIndex, DeclarationReport report) {
    }

    /** Runs whole jobs; those beyond {@code concurrent-jobs} wait in its queue. */
    @Bean
    ThreadPoolTaskExecutor bulkLauncher(BulkProperties properties) {
        return pool("bulk-job-", properties.concurrentJobs());
    }

    /** Processes the items of a chunk side by side (reading and writing stay in order, so restarts stay exact). */
    @Bean
    ThreadPoolTaskExecutor bulkWorkers(BulkProperties properties, LlmSettings llm) {
        return pool("bulk-item-", llm.configured() ? properties.llmConcurrency() : properties.threads());
    }

    @Bean
    FormImporter bulkImporter(CorpusProperties corpus) {
        return new FormImporter(ImportLimits.from(corpus));
    }

    @Bean
    JobLocks bulkJobLocks(DataSource dataSource) {
        return new JobLocks(dataSource);
    }

    @Bean
    Review bulkReview(RuleChecker checker, ProposalService proposals, LlmSettings llm, BulkProperties properties) {
        return new Review(checker, proposals, llm.configured()
                ? LlmThrottle.perSecond(properties.llmCallsPerSecond(), properties.llmWait()) : LlmThrottle.none());
    }

    @Bean
    Job bulkJobDefinition(JobRepository repository, Step bulkFilesStep, Step bulkDeclarationsStep,
            Step bulkResultsStep, JobLocks locks) {
        return new JobBuilder(NAME, repository).listener(locks)
                .start(bulkFilesStep).next(bulkDeclarationsStep).next(bulkResultsStep).build();
    }

    @Bean
    Step bulkFilesStep(JobRepository repository, PlatformTransactionManager transactions,
            ItemStreamReader<BulkStore.FileRow> bulkFileReader, ItemProcessor<BulkStore.FileRow, ReadFile> bulkFileParser,
            ItemWriter<ReadFile> bulkFileWriter, SkipListener<BulkStore.FileRow, ReadFile> bulkFileSkips,
            AsyncTaskExecutor bulkWorkers, BulkProperties properties) {
        return chunkStep("files", repository, transactions, properties, bulkWorkers, bulkFileReader, bulkFileParser,
                bulkFileWriter, bulkFileSkips);
    }

    @Bean
    Step bulkDeclarationsStep(JobRepository repository, PlatformTransactionManager transactions,
            ItemStreamReader<BulkStore.Input> bulkDeclarationReader,
            ItemProcessor<BulkStore.Input, Reviewed> bulkReviewer, ItemWriter<Reviewed> bulkReportWriter,
            SkipListener<BulkStore.Input, Reviewed> bulkDeclarationSkips, AsyncTaskExecutor bulkWorkers,
            BulkProperties properties) {
        return chunkStep("declarations", repository, transactions, properties, bulkWorkers, bulkDeclarationReader,
                bulkReviewer, bulkReportWriter, bulkDeclarationSkips);
    }

    /** Chunks of chunk-size, their items processed side by side, reported failures skipped and recorded. */
    private static <I, O> Step chunkStep(String name, JobRepository repository, PlatformTransactionManager transactions,
            BulkProperties properties, AsyncTaskExecutor workers, ItemStreamReader<I> reader,
            ItemProcessor<I, O> processor, ItemWriter<O> writer, SkipListener<I, O> skips) {
        return new StepBuilder(name, repository).<I, O>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(reader).processor(processor).writer(writer)
                .faultTolerant().skipPolicy(SKIP_REPORTED).skipListener(skips)
                .taskExecutor(workers)
                .build();
    }

    @Bean
    Step bulkResultsStep(JobRepository repository, PlatformTransactionManager transactions, ResultFiles results) {
        return new StepBuilder("results", repository).tasklet((contribution, chunk) -> {
            results.write(id(chunk.getStepContext().getStepExecution().getJobExecution()));
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    /** An unreadable file or a declaration that could not be processed is reported and passed; anything else fails. */
    private static final SkipPolicy SKIP_REPORTED = (failure, count) -> reported(failure) != null;

    /** The Chinese reason carried by a skipped item's failure, wherever Spring Batch wrapped it. */
    static String reported(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ImportException || t instanceof ItemFailure) {
                return t.getMessage();
            }
        }
        return null;
    }

    @Bean
    @StepScope
    ItemStreamReader<BulkStore.FileRow> bulkFileReader(BulkStore store,
            @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        return Readers.pendingFiles(store, job);
    }

    @Bean
    @StepScope
    ItemProcessor<BulkStore.FileRow, ReadFile> bulkFileParser(BulkStore store, FormImporter bulkImporter,
            @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        Path dir = Path.of(store.job(job).orElseThrow().dir());
        return file -> {
            try {
                byte[] bytes = FormImporter.bytes(dir.resolve(file.path()), bulkImporter.limits().maxFileBytes());
                return new ReadFile(file.index(), bulkImporter.read(file.name(), bytes).declarations());
            } catch (RuntimeException e) {
                LOG.warn("Bulk job {}: file {} could not be parsed", job, file.index(), e);
                throw new ImportException(file.name(), "文件内容无法识别，已跳过", e);
            }
        };
    }

    @Bean
    @StepScope
    ItemWriter<ReadFile> bulkFileWriter(BulkStore store, @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        return chunk -> chunk.forEach(read -> store.markRead(job, read.index(), read.declarations()));
    }

    @Bean
    @StepScope
    SkipListener<BulkStore.FileRow, ReadFile> bulkFileSkips(BulkStore store,
            @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        return new SkipListener<>() {
            @Override
            public void onSkipInProcess(BulkStore.FileRow file, Throwable t) {
                store.markSkipped(job, file.index(), reported(t));
            }
        };
    }

    @Bean
    @StepScope
    ItemStreamReader<BulkStore.Input> bulkDeclarationReader(BulkStore store,
            @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        return Readers.openDeclarations(store, job);
    }

    @Bean
    @StepScope
    ItemProcessor<BulkStore.Input, Reviewed> bulkReviewer(BulkStore store, Review bulkReview,
            @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        boolean improve = store.job(job).orElseThrow().improve();
        return input -> {
            try {
                return new Reviewed(input.fileIndex(), input.declIndex(),
                        bulkReview.review(input.file(), input.declIndex(), input.declaration(), improve));
            } catch (RuntimeException e) {
                LOG.warn("Bulk job {}: declaration {}/{} failed", job, input.fileIndex(), input.declIndex(), e);
                throw new ItemFailure("“" + input.declaration().projectName() + "”（" + input.file()
                        + "）检查或生成建议时出错，已跳过", e);
            }
        };
    }

    @Bean
    @StepScope
    ItemWriter<Reviewed> bulkReportWriter(BulkStore store, @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        return chunk -> chunk.forEach(r -> store.saveItem(job, r.fileIndex(), r.declIndex(), BulkStore.DONE,
                r.report().department(), Json.mapper().writeValueAsString(r.report()), null));
    }

    @Bean
    @StepScope
    SkipListener<BulkStore.Input, Reviewed> bulkDeclarationSkips(BulkStore store,
            @Value("#{jobParameters['" + PARAMETER + "']}") Long job) {
        return new SkipListener<>() {
            @Override
            public void onSkipInProcess(BulkStore.Input input, Throwable t) {
                store.saveItem(job, input.fileIndex(), input.declIndex(), BulkStore.FAILED,
                        input.declaration().department(), null, reported(t));
            }
        };
    }

    private static ThreadPoolTaskExecutor pool(String prefix, int threads) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(prefix);
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        return pool;
    }
}
