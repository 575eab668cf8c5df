package cn.zhibiao.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** zhibiao.database: the embedded PostgreSQL used when no spring.datasource.url is configured. */
@ConfigurationProperties("zhibiao.database")
record DatabaseProperties(Path embeddedDir, int embeddedPort, int poolSize) {
}
