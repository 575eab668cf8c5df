package cn.zhibiao.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

import reactor.core.publisher.Mono;

/**
 * HTTP Basic sends the password with every request, and BCrypt spends about 100 ms of CPU on each check by design: a
 * script's requests would be bound by it. A successful check is remembered for a short time, keyed by a SHA-256 of user
 * name and password (the password itself is not kept), so a script pays BCrypt once per window while a changed
 * password, role or department takes effect within it. Failures are never remembered, so throttling sees every one.
 */
final class RememberedBasicLogins implements ReactiveAuthenticationManager {

    private record Remembered(Authentication authentication, Instant until) {
    }

    private final ReactiveAuthenticationManager checker;
    private final Duration window;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RememberedBasicLogins(ReactiveAuthenticationManager checker, Duration window, int capacity, Clock clock) {
        this.checker = checker;
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication login) {
        if (window.isZero() || login.getCredentials() == null) {
            return checker.authenticate(login);
        }
        String key = key(login.getName(), login.getCredentials().toString());
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && now.isBefore(known.until())) {
            return Mono.just(known.authentication());
        }
        return checker.authenticate(login).doOnNext(checked -> {
            if (remembered.size() >= capacity) {
                remembered.values().removeIf(r -> !now.isBefore(r.until()));
                if (remembered.size() >= capacity) {
                    remembered.clear();
                }
            }
            remembered.put(key, new Remembered(checked, now.plus(window)));
        });
    }

    private static String key(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
