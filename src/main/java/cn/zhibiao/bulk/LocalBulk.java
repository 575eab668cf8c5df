package cn.zhibiao.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import cn.zhibiao.corpus.CorpusProperties;
import cn.zhibiao.proposal.LlmSettings;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.CommandDatabase;
import cn.zhibiao.system.CommandSettings;

/**
 * The bulk job for the command line: the same job, in a small Spring context of its own (no web server) with a
 * short-lived embedded PostgreSQL in a temporary directory — or the configured datasource, when there is one. The
 * retrieval index is the data directory's, opened as {@code suggest} opens it.
 */
public final class LocalBulk {

    /** How the run ended: the job, its results (in a directory removed at {@link #close}) and what failed. */
    public record Outcome(JobView job, Path workbook, Path report, List<FailedDeclaration> failures) {
    }

    /** A file or folder given on the command line, and its name as reported. */
    public record Input(String name, Path path) {
    }

    private LocalBulk() {
    }

    /**
     * Runs one job over {@code inputs} to its end, calling {@code progress} every {@code interval}; the results are
     * handed to {@code results} before the temporary directory (and database) is removed.
     */
    public static void run(CommandSettings settings, List<Input> inputs, boolean improve, Duration interval,
            Consumer<JobView> progress, Consumer<Outcome> results) throws InterruptedException {
        Path scratch = temporaryDirectory();
        // The command line names its logging file to Logback directly; Spring Boot takes it as logging.config below.
        System.clearProperty("logback.configurationFile");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        // stdout carries the summary and stderr the progress bar: only warnings are logged.
                        "logging.config", "classpath:logback-cli.xml",
                        "logging.level.root", "WARN",
                        "zhibiao.database.embedded-dir", scratch.resolve("postgres").toString(),
                        "zhibiao.database.credentials-file", scratch.resolve("postgres.credentials").toString(),
                        "zhibiao.bulk.dir", scratch.resolve("bulk").toString()))
                .initializers(c -> c.getBeanFactory().registerSingleton("commandSettings", settings))
                .run()) {
            BulkJobs jobs = context.getBean(BulkJobs.class);
            BulkStore store = context.getBean(BulkStore.class);
            Path dir = scratch.resolve("bulk").resolve("job");
            BulkJobs.createDirectories(dir);
            long id = jobs.create(System.getProperty("user.name", "cli"), null, improve, dir,
                    inputs.stream().map(i -> new BulkJobs.Upload(i.name(), i.path())).toList());
            BulkStore.JobRow row = jobs.row(id).orElseThrow();
            JobView view = jobs.view(row);
            while (!view.finished()) {
                progress.accept(view);
                Thread.sleep(interval.toMillis());
                view = jobs.view(row);
            }
            progress.accept(view);
            results.accept(new Outcome(view, jobs.workbook(row), jobs.report(row), store.failures(id).stream()
                    .map(FailedDeclaration::of).toList()));
        } finally {
            delete(scratch);
        }
    }

    /** Not a @Configuration: the web application's component scan must not pick up the command line's beans. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import({CommandDatabase.class, BulkJob.class, BulkStore.class, BulkJobs.class, ResultFiles.class})
    @EnableConfigurationProperties({BulkProperties.class, CorpusProperties.class, LlmSettings.class})
    static class Context {

        @Bean
        RuleChecker ruleChecker(CommandSettings commandSettings) {
            return RuleChecker.fromSettings(commandSettings);
        }

        @Bean
        ProposalService proposalService(CommandSettings commandSettings, RuleChecker ruleChecker) {
            return ProposalService.forCommands(commandSettings, SimilarProjects.open(commandSettings), ruleChecker);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("zhibiao-bulk-");
        } catch (IOException e) {
            throw new UncheckedIOException("无法建立临时目录：" + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
