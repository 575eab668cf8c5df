package cn.zhibiao.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address within a sliding window; past the limit either key has to
 * wait until its oldest failure leaves the window. An address gets a larger allowance than a name: one office behind
 * one address holds many users. Kept in memory: each instance throttles on its own, which bounds
 * guessing to (instances × limit) per window.
 */
final class LoginThrottle {

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    boolean blocked(String username, String address) {
        return full(userKey(username), perUser) || full(addressKey(address), perAddress);
    }

    void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    long windowMinutes() {
        return Math.max(1, window.toMinutes());
    }

    private boolean full(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= limit;
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
