package cn.zhibiao.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The database of a command that needs one ({@code bulk}): the embedded PostgreSQL, as the server runs it, unless
 * spring.datasource.url is configured; the caller points zhibiao.database.* at a directory of its own.
 */
@Configuration(proxyBeanMethods = false)
@Import(EmbeddedPostgresConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class CommandDatabase {
}
