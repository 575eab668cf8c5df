package cn.zhibiao.system;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users at all) creates {@code admin}, with ZHIBIAO_ADMIN_PASSWORD or a generated password that
 * is logged once and never stored in clear. Runs before the server accepts requests, so the first login cannot race it.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final int GENERATED_BYTES = 12;

    private final Accounts accounts;
    private final SecurityProperties properties;

    FirstAdmin(Accounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!accounts.noUsers()) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        if (accounts.create(USERNAME, password, Role.ADMIN, List.of()) && generated) {
            log.warn("已创建管理员账号 admin，初始密码（仅显示这一次，请登录后创建个人账号）：{}", password);
        } else if (!generated) {
            log.info("已创建管理员账号 admin，密码取自 ZHIBIAO_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
