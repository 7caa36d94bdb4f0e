package org.nianbao.web;

import java.time.Duration;

import org.nianbao.accounts.AccountNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first sign-in of the day made as quick as the next: before the service is ready, what only the first request
 * by name and password would otherwise pay for is done once, on a thread of its own beside the start-up warm-up (which
 * runs to its time whatever it shares the cores with, so the service is not ready any later): the table of look-alike
 * letters account names are compared by (read when first used) and one BCrypt hash at the service's strength (up to
 * {@value #STRONGEST_WARMED}), so that BCrypt's loop is compiled code when the first password is checked (run cold,
 * the first check took a second and more of a first dry run). Not with {@code nianbao.warm-up=0s}, which starts cold.
 */
@Component
@Order(90)
class SignInWarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SignInWarmUp.class);

    /** Past this strength a hash takes seconds: the warm-up's one would cost more than the first sign-in saves. */
    static final int STRONGEST_WARMED = 12;

    private final PasswordEncoder passwords;
    private final Duration budget;
    private final int strength;

    SignInWarmUp(PasswordEncoder passwords, @Value("${nianbao.warm-up:4s}") Duration budget,
                 @Value("${nianbao.security.password-strength:10}") int strength) {
        this.passwords = passwords;
        this.budget = budget;
        this.strength = strength;
    }

    @Override
    public void run(ApplicationArguments args) {
        start();
    }

    /** The thread warming the sign-in, started; {@code null} when the service starts cold. */
    Thread start() {
        if (budget.isZero() || budget.isNegative()) {
            return null;
        }
        Thread thread = new Thread(this::warm, "sign-in-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void warm() {
        try {
            long start = System.nanoTime();
            AccountNames.key("warm-up");
            if (strength <= STRONGEST_WARMED) {
                passwords.encode("warm-up"); // the same rounds as a check
            }
            LOG.debug("sign-in warmed in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("登录预热未完成 (sign-in warm-up failed): {}", e.toString()); // the first sign-in pays, nothing else
        }
    }
}
