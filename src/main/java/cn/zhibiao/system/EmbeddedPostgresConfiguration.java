package cn.zhibiao.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no datasource configured, Zhibiao runs its own PostgreSQL (binaries from the zonky jar, nothing downloaded)
 * with its data under the data directory, so a fresh install works on an intranet PC with only a JDK.
 * <p>
 * The library's defaults are for throw-away test databases; these are a user's records, so: every commit is on disk
 * before it is acknowledged, only 127.0.0.1 and a socket inside the (mode 700) data directory listen, every login
 * needs a scram-sha-256 password, and the app works as a role that owns its database and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String SUPERUSER = "postgres";
    /** Passwords for every login; no replication, no IPv6 (the server listens on 127.0.0.1 only). */
    private static final String HBA = """
            # Written by Zhibiao at every start: every login needs its scram-sha-256 password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            """;

    @Bean
    EmbeddedCredentials embeddedCredentials(DatabaseProperties properties) {
        return EmbeddedCredentials.loadOrCreate(properties.credentialsFile().toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties, EmbeddedCredentials credentials) {
        Path dir = properties.embeddedDir().toAbsolutePath().normalize();
        Path pwfile = dir.resolveSibling(dir.getFileName() + ".initdb-password");
        try {
            Files.createDirectories(dir.getParent());
            StalePostmaster.stopIfRunning(dir, properties.staleStopTimeout());
            Files.deleteIfExists(pwfile);
            Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwfile, credentials.superuserPassword() + "\n", StandardCharsets.UTF_8);
            log.info("未配置数据库连接，启动内置 PostgreSQL，数据目录：{}", dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(properties.embeddedPort())
                    // The library passes these "locale" settings to initdb as --name=value and its own -A trust
                    // before them; later options win, so the cluster is born with passwords and no trust line.
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setConnectConfig("password", credentials.superuserPassword())
                    // Likewise -c fsync=on comes after the library's -F (fsync off) and overrides it.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", dir.toString())
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
            bootstrapAppRole(postgres, dir, properties.appRole(), credentials);
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("内置 PostgreSQL 启动失败（数据目录 " + dir + "）：" + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException e) {
                log.warn("临时口令文件 {} 未能删除：{}", pwfile, e.getMessage());
            }
        }
    }

    /**
     * Idempotent, as the superuser: passwords set, the app's role and database created (a database from before the
     * lock-down, kept in the superuser's "postgres" database under trust authentication, is copied into the app's
     * database and handed to its role), and the password-only pg_hba.conf put in force.
     */
    private static void bootstrapAppRole(EmbeddedPostgres postgres, Path dir, String role,
            EmbeddedCredentials credentials) throws SQLException, IOException {
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalStateException("zhibiao.database.app-role 应为小写字母、数字和下划线：" + role);
        }
        boolean legacy;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            legacy = exists(c, "SELECT 1 FROM pg_tables WHERE schemaname = ?", "public");
        }
        // Connected to template1, so that "postgres" can serve as the template of a copy.
        try (Connection c = postgres.getTemplateDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'");
            String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + credentials.appPassword() + "'";
            s.execute((exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER ROLE " : "CREATE ROLE ")
                    + role + options);
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", role)) {
                s.execute("CREATE DATABASE " + role + " OWNER " + role + " ENCODING 'UTF8' TEMPLATE "
                        + (legacy ? SUPERUSER : "template0"));
                if (legacy) {
                    log.info("将锁定前保存在 postgres 库中的数据复制到应用专用库 {}（原库保留）", role);
                    handOver(postgres, role);
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + SUPERUSER + " FROM PUBLIC");
            Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static void handOver(EmbeddedPostgres postgres, String role) throws SQLException {
        try (Connection c = postgres.getDatabase(SUPERUSER, role).getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                s.execute("ALTER TABLE public." + table + " OWNER TO " + role);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties properties, EmbeddedCredentials credentials) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + properties.appRole());
        config.setUsername(properties.appRole());
        config.setPassword(credentials.appPassword());
        config.setMaximumPoolSize(properties.poolSize());
        return new HikariDataSource(config);
    }

    static final class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
