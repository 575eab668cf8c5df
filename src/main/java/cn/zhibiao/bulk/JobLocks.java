package cn.zhibiao.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Who is running a job, across instances: the instance running it holds a PostgreSQL session advisory lock on its id
 * for as long as it runs. A killed instance's connections close and its locks go with them, so a job whose lock is
 * free and that this instance has not queued is an orphan that may be recovered and restarted — here or elsewhere.
 */
final class JobLocks implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobLocks.class);
    /** The first key of the two-key advisory lock: bulk jobs' own space, apart from any other lock in the database. */
    private static final int SPACE = 0x42554c4b;

    private final DataSource dataSource;
    private final Map<Long, Connection> held = new ConcurrentHashMap<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    JobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job handed to this instance's launcher: not an orphan even before it takes its lock. */
    void queued(long job) {
        queued.add(job);
    }

    boolean orphaned(long job) {
        if (queued.contains(job)) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            if (tryLock(c, job)) {
                unlock(c, job);
                return true;
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("无法查询任务锁：" + e.getMessage(), e);
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long job = BulkJob.id(execution);
        try {
            Connection c = dataSource.getConnection();
            if (!tryLock(c, job)) {
                c.close();
                throw new IllegalStateException("任务 " + job + " 正由另一个实例运行");
            }
            held.put(job, c);
        } catch (SQLException e) {
            throw new IllegalStateException("无法锁定任务 " + job + "：" + e.getMessage(), e);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        long job = BulkJob.id(execution);
        queued.remove(job);
        Connection c = held.remove(job);
        if (c == null) {
            return;
        }
        try (c) {
            unlock(c, job);
        } catch (SQLException e) {
            LOG.warn("Bulk job {} lock release failed: {}", job, e.getMessage());
        }
    }

    private static boolean tryLock(Connection c, long job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, SPACE);
            s.setInt(2, (int) job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, long job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, SPACE);
            s.setInt(2, (int) job);
            s.execute();
        }
    }
}
