package cn.zhibiao.cli;

import java.io.PrintStream;
import java.util.Locale;

import cn.zhibiao.bulk.JobView;

/**
 * The progress of a bulk job on stderr: on a terminal one line redrawn in place (a bar, counts, rate, time left);
 * otherwise a plain line whenever another {@code step} percent is done or the state changes, so that a log file
 * stays short.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final int STEP = 10;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final boolean terminal;
    private int lastStep = -1;
    private String lastStatus;
    private boolean drawn;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void show(JobView job) {
        long processed = job.counts().done() + job.counts().failed();
        Long total = job.total();
        int percent = total == null || total == 0 ? (job.finished() ? 100 : 0) : (int) (100 * processed / total);
        String line = line(job, processed, total, percent);
        if (terminal) {
            err.print(CLEAR_LINE + line);
            err.flush();
            drawn = true;
            return;
        }
        int step = percent / STEP;
        if (step != lastStep || !job.status().equals(lastStatus)) {
            err.println(line);
            lastStep = step;
            lastStatus = job.status();
        }
    }

    /** Ends the redrawn line so that what follows starts on a line of its own. */
    void finish() {
        if (terminal && drawn) {
            err.println();
        }
    }

    private static String line(JobView job, long processed, Long total, int percent) {
        int filled = WIDTH * Math.min(percent, 100) / 100;
        StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(WIDTH - filled))
                .append("] ").append(String.format(Locale.ROOT, "%3d%%", percent));
        line.append(" 已处理 ").append(processed).append('/').append(total == null ? "?" : total.toString())
                .append(" 份申报");
        line.append("，读出 ").append(job.counts().read());
        if (job.counts().failed() > 0) {
            line.append("，失败 ").append(job.counts().failed());
        }
        if (job.counts().skipped() > 0) {
            line.append("，读不了的文件 ").append(job.counts().skipped());
        }
        if (job.throughput() > 0) {
            line.append(String.format(Locale.ROOT, "，%.1f 份/秒", job.throughput()));
        }
        if (job.etaSeconds() != null && !job.finished()) {
            line.append("，约剩 ").append(job.etaSeconds()).append(" 秒");
        }
        if (total == null && !job.finished()) {
            line.append("（正在读取文件）");
        }
        return line.append(" · ").append(job.message()).toString();
    }
}
