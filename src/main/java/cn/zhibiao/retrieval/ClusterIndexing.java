package cn.zhibiao.retrieval;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zhibiao.corpus.DeclarationsImported;
import cn.zhibiao.corpus.ImportedDeclarations;
import cn.zhibiao.indicator.Declaration;

/**
 * Several instances on one PostgreSQL share one corpus: after an import or an approval this instance NOTIFYs the ids,
 * and every other instance LISTENs, reads those declarations from the table and indexes them, within a second or so.
 * A notification missed while a listener was down is made good by the catch-up of {@link ImportedIndexing} on
 * reconnect, as at start-up.
 */
@Component
class ClusterIndexing implements SmartLifecycle {

    static final String CHANNEL = "zhibiao_declarations";
    private static final Logger log = LoggerFactory.getLogger(ClusterIndexing.class);
    /** NOTIFY payloads are limited to 8000 bytes; 12-character ids with separators fit 400 at a time. */
    private static final int IDS_PER_NOTIFICATION = 400;

    private final String instance = UUID.randomUUID().toString();
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportedDeclarations imported;
    private final SimilarProjects projects;
    private final ClusterProperties properties;
    private volatile boolean running;
    private Thread listener;

    ClusterIndexing(DataSource dataSource, JdbcClient jdbc, ImportedDeclarations imported, SimilarProjects projects,
            ClusterProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.imported = imported;
        this.projects = projects;
        this.properties = properties;
    }

    @EventListener
    void announce(DeclarationsImported event) {
        List<String> ids = event.declarations().stream().map(Declaration::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFICATION) {
            String payload = instance + ":" + String.join(",", ids.subList(from,
                    Math.min(ids.size(), from + IDS_PER_NOTIFICATION)));
            jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                    .query(Object.class).optional();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("cluster-indexing").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                if (reconnecting) {
                    projects.indexMissing(imported.all());
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) properties.listenTimeout().toMillis());
                    if (notifications != null) {
                        receive(notifications);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("监听其他实例的导入通知失败，{} 后重连：{}", properties.reconnectDelay(), e.getMessage());
                reconnecting = true;
                try {
                    Thread.sleep(properties.reconnectDelay());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void receive(PGNotification[] notifications) {
        List<String> ids = new ArrayList<>();
        for (PGNotification n : notifications) {
            String payload = n.getParameter();
            int colon = payload.indexOf(':');
            if (colon > 0 && !payload.substring(0, colon).equals(instance)) {
                ids.addAll(Arrays.asList(payload.substring(colon + 1).split(",")));
            }
        }
        if (!ids.isEmpty()) {
            List<Declaration> declarations = imported.byIds(ids);
            projects.indexAll(declarations);
            log.info("已将其他实例导入的 {} 份申报加入检索索引", declarations.size());
        }
    }
}
