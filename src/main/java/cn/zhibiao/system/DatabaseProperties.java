package cn.zhibiao.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhibiao.database: the embedded PostgreSQL used when no spring.datasource.url is configured.
 *
 * @param credentialsFile   the generated passwords (superuser for setting up, app role for everything else), mode 600
 * @param appRole           the role and database the app works in; not a superuser
 * @param staleStopTimeout  how long a server left running by a killed app may take to shut down before it is killed
 */
@ConfigurationProperties("zhibiao.database")
record DatabaseProperties(Path embeddedDir, int embeddedPort, int poolSize, Path credentialsFile, String appRole,
        Duration staleStopTimeout) {
}
