package cn.zhibiao.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded PostgreSQL as the running app uses it: durable commits, passwords only, a role that is no superuser. */
class EmbeddedPostgresIT extends RunningApp {

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Value("${zhibiao.database.credentials-file}")
    Path credentials;

    @Value("${zhibiao.database.embedded-dir}")
    Path dataDir;

    private String show(String setting) {
        return JdbcClient.create(dataSource).sql("SHOW " + setting).query(String.class).single();
    }

    @Test
    void commitsReachTheDiskBeforeTheyAreAcknowledged() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void listensOnLoopbackAndAPrivateSocketOnly() throws Exception {
        assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show("unix_socket_permissions")).isEqualTo("0700");
        String socket = ".s.PGSQL." + postgres.getPort();
        assertThat(dataDir.resolve(socket)).exists();
        assertThat(Path.of("/tmp", socket)).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
    }

    @Test
    void refusesALoginWithoutPassword() {
        for (String user : new String[] {"postgres", "zhibiao"}) {
            Properties props = new Properties();
            props.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", props).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
    }

    @Test
    void appRoleIsNoSuperuserAndCannotRunPrograms() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
                .query(String.class).single()).isEqualTo(jdbc.sql("SELECT current_user").query(String.class).single());
        assertThatThrownBy(() -> jdbc.sql("COPY (SELECT 1) TO PROGRAM 'touch /tmp/zhibiao-pwned'").update())
                .rootCause().hasMessageContaining("pg_execute_server_program");
        assertThat(Path.of("/tmp/zhibiao-pwned")).doesNotExist();
    }
}
