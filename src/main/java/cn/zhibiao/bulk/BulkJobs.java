package cn.zhibiao.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;

/**
 * Creating, watching, stopping, restarting and abandoning bulk jobs through Spring Batch's {@link JobOperator}. A job
 * is a row of {@code bulk_job} (owner, department, directory) and one Spring Batch job instance identified by its id.
 */
@Component
class BulkJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);
    private static final int MAX_NAME_LENGTH = 200;
    private static final String STOPPING = "任务正在停止，请等当前一批处理完再操作";

    private final BulkStore store;
    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final JobLocks locks;
    private final FormImporter importer;

    BulkJobs(BulkStore store, JobOperator operator, JobRepository repository, Job bulkJobDefinition, JobLocks locks,
            FormImporter bulkImporter) {
        this.store = store;
        this.operator = operator;
        this.repository = repository;
        this.job = bulkJobDefinition;
        this.locks = locks;
        this.importer = bulkImporter;
    }

    /** A file given to a job: its name as shown, and where it is on disk. */
    record Upload(String name, Path file) {
    }

    /** Something the caller asked that the job's state does not allow; the message is for the user. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /**
     * Registers the files (a .zip is unpacked into {@code dir} under the importer's limits; a refused archive is a
     * skipped file with its reason) and launches the job.
     */
    long create(String owner, String department, boolean improve, Path dir, List<Upload> uploads) {
        long id = store.createJob(owner, department, improve, dir.toString());
        int index = 0;
        for (Upload upload : uploads) {
            if (!upload.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                store.addFile(id, index++, upload.name(), upload.file().toString(), BulkStore.PENDING, null);
                continue;
            }
            List<Upload> entries = new ArrayList<>();
            try {
                byte[] zip = FormImporter.bytes(upload.file(), importer.limits().maxUnpackedBytes());
                int[] n = {0};
                importer.unpack(upload.name(), zip, (path, content) -> {
                    if (ignored(path)) {
                        return;
                    }
                    Path target = dir.resolve("unpacked").resolve(String.format(Locale.ROOT, "%04d-%05d", id, n[0]++))
                            .resolve(baseName(path));
                    Files.createDirectories(target.getParent());
                    Files.write(target, content);
                    entries.add(new Upload(upload.name() + "/" + path, target));
                });
                for (Upload entry : entries) {
                    store.addFile(id, index++, entry.name(), entry.file().toString(), BulkStore.PENDING, null);
                }
            } catch (ImportException e) {
                store.addFile(id, index++, upload.name(), null, BulkStore.SKIPPED, e.getMessage());
            }
        }
        launch(id);
        return id;
    }

    /** Folders and the resource forks and dot files that archivers add are not forms. */
    private static boolean ignored(String path) {
        return path.endsWith("/") || path.startsWith("__MACOSX/") || baseName(path).startsWith(".");
    }

    /** The last part of a path, without control characters, bounded in length. */
    static String baseName(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        name = name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "未命名文件" : name;
    }

    private void launch(long id) {
        locks.queued(id);
        try {
            operator.start(job, parameters(id));
        } catch (Exception e) {
            throw new IllegalStateException("批量任务 " + id + " 无法启动：" + e.getMessage(), e);
        }
    }

    private static JobParameters parameters(long id) {
        return new JobParametersBuilder().addLong(BulkJob.PARAMETER, id).toJobParameters();
    }

    Optional<BulkStore.JobRow> row(long id) {
        return store.job(id);
    }

    List<BulkStore.JobRow> rows() {
        return store.jobs();
    }

    Optional<JobExecution> lastExecution(long id) {
        JobInstance instance = repository.getJobInstance(BulkJob.NAME, parameters(id));
        return instance == null ? Optional.empty() : Optional.ofNullable(repository.getLastJobExecution(instance));
    }

    JobView view(BulkStore.JobRow row) {
        JobExecution execution = lastExecution(row.id()).orElse(null);
        BatchStatus status = execution == null ? BatchStatus.STARTING : execution.getStatus();
        BulkStore.Counts counts = store.counts(row.id());
        Long total = counts.pendingFiles() == 0 && status != BatchStatus.STARTING ? counts.read() : null;
        double throughput = 0;
        Long eta = null;
        if (execution != null && execution.getStartTime() != null) {
            Instant start = instant(execution.getStartTime());
            Instant end = execution.getEndTime() == null ? Instant.now() : instant(execution.getEndTime());
            double seconds = Math.max(Duration.between(start, end).toMillis(), 1) / 1000.0;
            throughput = store.finishedSince(row.id(), start) / seconds;
        }
        long left = total == null ? -1 : total - counts.done() - counts.failed();
        if (status == BatchStatus.COMPLETED) {
            eta = 0L;
        } else if (left >= 0 && throughput > 0 && status.isRunning()) {
            eta = (long) Math.ceil(left / throughput);
        }
        return new JobView(row.id(), status.name(),
                new JobView.Counts(counts.read(), counts.done(), counts.skipped(), counts.failed()), total,
                Math.round(throughput * 100) / 100.0, eta, row.createdAt(),
                store.files(row.id()).stream().map(JobView.FileView::of).toList(), row.department(), row.improve(),
                execution == null ? message(status) : message(execution));
    }

    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** A failed run says why (the first line of what Spring Batch recorded), so that nobody has to read the log. */
    static String message(JobExecution execution) {
        String general = message(execution.getStatus());
        if (execution.getStatus() != BatchStatus.FAILED) {
            return general;
        }
        return execution.getStepExecutions().stream().map(step -> step.getExitStatus().getExitDescription())
                .filter(description -> description != null && !description.isBlank()).findFirst()
                .or(() -> Optional.ofNullable(execution.getExitStatus().getExitDescription()).filter(d -> !d.isBlank()))
                .map(description -> general + "。原因：" + description.lines().findFirst().orElse("").strip()
                        .replaceFirst("^[\\w.$]+: ", ""))
                .orElse(general);
    }

    private static String message(BatchStatus status) {
        return switch (status) {
            case STARTING -> "排队等待中";
            case STARTED -> "正在处理";
            case STOPPING -> "正在停止（当前一批处理完后停止）";
            case STOPPED -> "已停止，可以继续或放弃";
            case FAILED -> "已中断（应用异常退出或出错），可以继续或放弃";
            case COMPLETED -> "已完成";
            case ABANDONED -> "已放弃";
            case UNKNOWN -> "状态未知，可以继续或放弃";
        };
    }

    /**
     * Marks the job STOPPING in the job repository; its thread sees that at its next chunk commit (the repository
     * synchronises the status on every step update) and ends the job STOPPED. Not {@code JobOperator.stop}: that also
     * updates the running step's execution from this thread, which races the step's own update and can fail the job
     * with an optimistic-locking error, and it stamps an end time that shows STOPPED while the step is still running.
     */
    void stop(long id) {
        JobExecution execution = execution(id);
        if (execution.getStatus() == BatchStatus.STOPPING) {
            throw new Conflict(STOPPING);
        }
        if (!execution.getStatus().isRunning()) {
            throw new Conflict("任务未在运行，无需停止");
        }
        if (locks.orphaned(id)) {
            operator.recover(execution);
            return;
        }
        execution.setStatus(BatchStatus.STOPPING);
        repository.update(execution);
    }

    /** Continues after the last committed chunk: after a stop, a failure, or the death of the instance running it. */
    void restart(long id) {
        JobExecution execution = settled(id, "任务正在运行");
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new Conflict("任务已完成，无需继续");
        }
        if (execution.getStatus() == BatchStatus.ABANDONED) {
            throw new Conflict("任务已放弃，不能继续");
        }
        locks.queued(id);
        try {
            operator.restart(execution);
        } catch (Exception e) {
            throw new Conflict("任务无法继续：" + e.getMessage());
        }
    }

    void abandon(long id) {
        JobExecution execution = settled(id, "任务正在运行，请先停止");
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new Conflict("任务已完成，不能放弃");
        }
        if (execution.getStatus() != BatchStatus.ABANDONED) {
            try {
                operator.abandon(execution);
            } catch (Exception e) {
                throw new Conflict("任务正在运行，请先停止");
            }
        }
    }

    /** The last execution, recovered first if its instance died mid-run; one that really runs is a conflict. */
    private JobExecution settled(long id, String running) {
        JobExecution execution = execution(id);
        if (!execution.getStatus().isRunning()) {
            return execution;
        }
        if (!locks.orphaned(id)) {
            throw new Conflict(execution.getStatus() == BatchStatus.STOPPING ? STOPPING : running);
        }
        return operator.recover(execution);
    }

    private JobExecution execution(long id) {
        return lastExecution(id).orElseThrow(() -> new Conflict("任务尚未开始运行"));
    }

    /** Jobs whose instance died mid-run (kill -9, power cut) are marked interrupted, so that they can be continued. */
    @EventListener(ApplicationReadyEvent.class)
    void recoverOrphans() {
        for (BulkStore.JobRow row : store.jobs()) {
            lastExecution(row.id()).filter(e -> e.getStatus().isRunning()).filter(e -> locks.orphaned(row.id()))
                    .ifPresent(e -> {
                        LOG.info("批量任务 {} 在上次运行时中断，已标记为可继续", row.id());
                        operator.recover(e);
                    });
        }
    }

    Path workbook(BulkStore.JobRow row) {
        return Path.of(row.dir()).resolve(ResultFiles.WORKBOOK);
    }

    Path report(BulkStore.JobRow row) {
        return Path.of(row.dir()).resolve(ResultFiles.REPORT);
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
