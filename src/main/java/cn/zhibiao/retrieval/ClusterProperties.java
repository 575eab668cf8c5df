package cn.zhibiao.retrieval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhibiao.cluster: how an instance hears of other instances' imports and approvals (PostgreSQL LISTEN/NOTIFY):
 * the longest wait for a notification before checking for shutdown, and the pause before reconnecting a lost listener.
 */
@ConfigurationProperties("zhibiao.cluster")
record ClusterProperties(Duration listenTimeout, Duration reconnectDelay) {
}
