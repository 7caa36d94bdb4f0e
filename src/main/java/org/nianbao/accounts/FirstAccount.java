package org.nianbao.accounts;

import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first account, created at start-up when there is none, with every role: named by {@code NIANBAO_ADMIN_USER}
 * (or {@code nianbao.admin.username}, default {@code admin}) with the password {@code NIANBAO_ADMIN_PASSWORD} (or
 * {@code nianbao.admin.password}); without one a random password is made and written to the log once.
 */
@Component
public class FirstAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAccount.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    public FirstAccount(AccountService accounts,
                        @Value("${nianbao.admin.username:${NIANBAO_ADMIN_USER:admin}}") String username,
                        @Value("${nianbao.admin.password:${NIANBAO_ADMIN_PASSWORD:}}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.keyExistingNames();
        if (!accounts.noAccounts()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String chosen = generated ? randomPassword() : password;
        try {
            accounts.create(username, chosen, List.of("ADMIN", "EDITOR", "REVIEWER"));
        } catch (InvalidAccount e) {
            if (!accounts.noAccounts()) { // another instance on the same database made it at the same moment
                return;
            }
            throw new IllegalStateException("无法创建首个账号，请检查 NIANBAO_ADMIN_USER / NIANBAO_ADMIN_PASSWORD："
                    + e.getMessage() + " (the first account cannot be created)", e);
        }
        if (generated) {
            log.warn("已创建管理员账号「{}」，初始密码 {}（只显示这一次；设置 NIANBAO_ADMIN_PASSWORD 可自定）"
                    + " - first account '{}' created with password {}", username, chosen, username, chosen);
        } else {
            log.info("已创建管理员账号「{}」(first account created)", username);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
