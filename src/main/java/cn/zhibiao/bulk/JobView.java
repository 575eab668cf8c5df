package cn.zhibiao.bulk;

import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.BatchStatus;

/**
 * A job as the panel, the API and the command line show it. {@code total} is the number of declarations to process,
 * null while files are still being read; {@code throughput} is declarations per second of the current run and
 * {@code etaSeconds} the time left at that pace (null when unknown). {@code status} is Spring Batch's: STARTING
 * (queued), STARTED, STOPPING, STOPPED, FAILED (interrupted, e.g. the app was killed), COMPLETED, ABANDONED;
 * {@code message} says the same in Chinese.
 */
public record JobView(
        long id,
        String status,
        Counts counts,
        Long total,
        double throughput,
        Long etaSeconds,
        Instant createdAt,
        List<FileView> files,
        String department,
        boolean improve,
        String message) {

    public JobView {
        files = List.copyOf(files);
    }

    /**
     * Declarations read from files, processed, failed; files that could not be read at all. A file that could not be
     * read counts once in {@code skipped}; its declarations, never known, count nowhere else.
     */
    public record Counts(long read, long done, long skipped, long failed) {
    }

    /** An uploaded file (or a file inside an uploaded .zip): PENDING, READ with its declarations, or SKIPPED and why. */
    public record FileView(String name, String status, Integer declarations, String reason) {

        static FileView of(BulkStore.FileRow row) {
            return new FileView(row.name(), row.status(), row.declarations(), row.reason());
        }
    }

    public boolean finished() {
        return !BatchStatus.valueOf(status).isRunning();
    }
}
