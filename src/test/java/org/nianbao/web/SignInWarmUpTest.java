package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class SignInWarmUpTest {

    /** A real BCrypt encoder at the lowest strength that counts the hashes it makes and checks. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger encoded = new AtomicInteger();
        final AtomicInteger matched = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            encoded.incrementAndGet();
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            matched.incrementAndGet();
            return bcrypt.matches(raw, hash);
        }
    }

    @Test
    void aWarmingServiceHashesAPasswordOnceBesideTheWarmUp() throws InterruptedException {
        CountingEncoder encoder = new CountingEncoder();
        Thread thread = new SignInWarmUp(encoder, Duration.ofSeconds(4), 10).start();

        assertThat(thread).isNotNull();
        assertThat(thread.isDaemon()).as("never keeps a stopping service alive").isTrue();
        thread.join(30_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(encoder.encoded).hasValue(1);
        assertThat(encoder.matched).hasValue(0);
    }

    @Test
    void aStrengthWhoseHashTakesSecondsIsNotWarmed() throws InterruptedException {
        CountingEncoder encoder = new CountingEncoder();
        Thread thread = new SignInWarmUp(encoder, Duration.ofSeconds(4), SignInWarmUp.STRONGEST_WARMED + 1).start();

        thread.join(30_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(encoder.encoded).hasValue(0);
    }

    @Test
    void aServiceStartedColdWarmsNothing() {
        CountingEncoder encoder = new CountingEncoder();

        assertThat(new SignInWarmUp(encoder, Duration.ZERO, 10).start()).isNull();
        assertThat(encoder.encoded).hasValue(0);
        assertThat(encoder.matched).hasValue(0);
    }
}
