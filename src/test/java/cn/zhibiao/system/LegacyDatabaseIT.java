package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A data directory from before the lock-down (trust logins, the app's tables in the superuser's "postgres" database)
 * starts locked down with its data in the app's own database.
 */
class LegacyDatabaseIT {

    @Test
    void locksDownAnOldDataDirectoryAndKeepsItsData() throws Exception {
        Path dataDir = Files.createTempDirectory("zhibiao-legacy-");
        Path pgDir = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false)
                .start(); Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE declaration (id TEXT PRIMARY KEY, project_name TEXT)");
            s.execute("INSERT INTO declaration VALUES ('a1', '城市低保金')");
        }
        DatabaseProperties properties = new DatabaseProperties(pgDir, 0, 2, dataDir.resolve("postgres.credentials"),
                "zhibiao", Duration.ofSeconds(30));
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        EmbeddedCredentials credentials = configuration.embeddedCredentials(properties);
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties, credentials)) {
            DataSource app = configuration.dataSource(postgres, properties, credentials);
            JdbcClient jdbc = JdbcClient.create(app);
            assertThat(jdbc.sql("SELECT project_name FROM declaration").query(String.class).single()).isEqualTo("城市低保金");
            jdbc.sql("INSERT INTO declaration VALUES ('b2', '义务兵家庭优待金')").update();
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            ((HikariDataSource) app).close();
        }
    }
}
