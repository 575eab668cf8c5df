package cn.zhibiao.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL is started through pg_ctl and is not a child of the JVM: after a kill -9 of the app it keeps
 * running and holds the data directory, and a new start would fail on its postmaster.pid. Before starting, such a
 * server is shut down (SIGTERM: its clients died with the app, so the shutdown is quick and clean), and a pid file
 * whose process is gone or is no longer PostgreSQL is removed.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir, Duration timeout) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        String port = lines.size() > 3 ? lines.get(3).strip() : "?";
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isEmpty() || !isPostgres(process.get())) {
            log.info("内置 PostgreSQL 上次未正常关闭，清除过期的 postmaster.pid（进程 {} 已不存在）", pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn("检测到上次异常退出后仍在运行的内置 PostgreSQL（进程 {}，端口 {}），正在将其关闭", pid, port);
        postmaster.destroy();
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("内置 PostgreSQL（进程 {}）在 {} 内未关闭，强制结束", pid, timeout);
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("等待遗留的内置 PostgreSQL 关闭时被中断", e);
        } catch (ExecutionException e) {
            throw new IOException("无法关闭遗留的内置 PostgreSQL（进程 " + pid + "）", e);
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(false);
    }
}
