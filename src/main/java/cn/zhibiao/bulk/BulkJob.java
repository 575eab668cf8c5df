package cn.zhibiao.bulk;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zhibiao.corpus.CorpusProperties;
import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.corpus.ImportLimits;
import cn.zhibiao.proposal.LlmSettings;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.rules.RuleChecker;

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
    /** The job's id, as step-scoped beans receive it. */
    private static final String JOB = "#{jobParameters['" + PARAMETER + "']}";

    static long id(JobExecution execution) {
        return execution.getJobParameters().getLong(PARAMETER);
    }

    /** Runs whole jobs; those beyond {@code concurrent-jobs} wait in its queue. */
    @Bean
    ThreadPoolTaskExecutor bulkLauncher(BulkProperties properties) {
        return pool("bulk-job-", properties.concurrentJobs());
    }

    /**
     * Reads the files of a chunk side by side: {@code threads} at most even with a model configured, since each holds
     * a whole file and its parsed workbook in memory.
     */
    @Bean
    ThreadPoolTaskExecutor bulkReaders(BulkProperties properties) {
        return pool("bulk-file-", properties.threads());
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
            ItemStreamReader<BulkStore.FileRow> bulkFileReader, FileItems bulkFileItems, AsyncTaskExecutor bulkReaders,
            BulkProperties properties) {
        return new StepBuilder("files", repository).<BulkStore.FileRow, FileItems.ReadFile>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(bulkFileReader).processor(bulkFileItems).writer(bulkFileItems)
                .faultTolerant().skipPolicy(SKIP_REPORTED).skipListener(bulkFileItems)
                .taskExecutor(bulkReaders)
                .build();
    }

    @Bean
    Step bulkDeclarationsStep(JobRepository repository, PlatformTransactionManager transactions,
            ItemStreamReader<BulkStore.Input> bulkDeclarationReader, DeclarationItems bulkDeclarationItems,
            AsyncTaskExecutor bulkWorkers, BulkProperties properties, LlmSettings llm) {
        return new StepBuilder("declarations", repository)
                .<BulkStore.Input, DeclarationItems.Reviewed>chunk(
                        llm.configured() ? properties.llmChunkSize() : properties.chunkSize())
                .transactionManager(transactions)
                .reader(bulkDeclarationReader).processor(bulkDeclarationItems).writer(bulkDeclarationItems)
                .faultTolerant().skipPolicy(SKIP_REPORTED).skipListener(bulkDeclarationItems)
                .taskExecutor(bulkWorkers)
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
    ItemStreamReader<BulkStore.FileRow> bulkFileReader(BulkStore store, @Value(JOB) Long job) {
        return Readers.pendingFiles(store, job);
    }

    @Bean
    @StepScope
    FileItems bulkFileItems(BulkStore store, FormImporter bulkImporter, @Value(JOB) Long job) {
        return new FileItems(store, bulkImporter, job);
    }

    @Bean
    @StepScope
    ItemStreamReader<BulkStore.Input> bulkDeclarationReader(BulkStore store, @Value(JOB) Long job) {
        return Readers.openDeclarations(store, job);
    }

    @Bean
    @StepScope
    DeclarationItems bulkDeclarationItems(BulkStore store, Review bulkReview, @Value(JOB) Long job) {
        return new DeclarationItems(store, bulkReview, job);
    }

    private static ThreadPoolTaskExecutor pool(String prefix, int threads) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(prefix);
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        return pool;
    }
}
