package cn.zhibiao.system;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Users and departments in PostgreSQL. Spring Security reads logins from here; the capabilities ask for the current
 * {@link Account}, read afresh on every request so that a changed role or department applies at once.
 */
@Repository
public class Accounts implements ReactiveUserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** The signed-in user of this request. */
    public Mono<Account> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(auth -> Mono.fromCallable(() -> find(auth.getName())).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(Mono::justOrEmpty);
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT role FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).optional()
                .map(role -> new Account(username, Role.valueOf(role), departments(username)));
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return Mono.fromCallable(() -> jdbc.sql("SELECT password_hash, role FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query((rs, n) -> User.withUsername(username).password(rs.getString(1))
                                .roles(rs.getString(2)).build())
                        .optional().orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Creates the user, and any of its departments not known yet. False when the name is taken. */
    @Transactional
    public boolean create(String username, String password, Role role, Collection<String> departments) {
        int inserted = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role) VALUES (:u, :p, :r)
                        ON CONFLICT (username) DO NOTHING
                        """)
                .param("u", username).param("p", passwords.encode(password)).param("r", role.name()).update();
        if (inserted == 0) {
            return false;
        }
        for (String department : new TreeSet<>(departments)) {
            addDepartment(department);
            jdbc.sql("INSERT INTO user_department (username, department) VALUES (:u, :d)")
                    .param("u", username).param("d", department).update();
        }
        return true;
    }

    public void addDepartment(String name) {
        jdbc.sql("INSERT INTO department (name) VALUES (:d) ON CONFLICT (name) DO NOTHING").param("d", name).update();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT username FROM app_user ORDER BY username").query(String.class).list().stream()
                .map(u -> find(u).orElseThrow()).toList();
    }

    public List<String> departments() {
        return jdbc.sql("SELECT name FROM department ORDER BY name").query(String.class).list();
    }

    public boolean noUsers() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() == 0;
    }

    private Set<String> departments(String username) {
        return Set.copyOf(jdbc.sql("SELECT department FROM user_department WHERE username = :u")
                .param("u", username).query(String.class).list());
    }
}
