package cn.zhibiao.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhibiao.security: the first administrator's password (empty = generate one and log it once), how many failed
 * logins a user name or an address may make within the window before it has to wait, how long an idle panel
 * session lasts, and how long (and for how many logins) a successful HTTP Basic check is remembered.
 */
@ConfigurationProperties("zhibiao.security")
record SecurityProperties(String adminPassword, int loginAttempts, int loginAttemptsPerAddress, Duration loginWindow, Duration sessionTimeout,
        String contentSecurityPolicy, Duration basicLoginMemory, int basicLoginMemorySize) {
}
