package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are hashed at the BCrypt strength the setting names, within BCrypt's bounds; a hash keeps its own. */
class PasswordStrengthTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void aPasswordIsHashedAtTheStrengthSetAndAHashOfAnotherStrengthStillChecks() {
        PasswordEncoder five = configuration.passwordEncoder(5);
        PasswordEncoder four = configuration.passwordEncoder(4);

        String hash = five.encode("a-long-enough-password");

        assertThat(hash).startsWith("$2a$05$");
        assertThat(four.encode("a-long-enough-password")).startsWith("$2a$04$");
        assertThat(four.matches("a-long-enough-password", hash)).as("checked at the hash's own strength").isTrue();
        assertThat(four.matches("another-password", hash)).isFalse();
    }

    @Test
    void aStrengthOutsideBcryptsBoundsStopsTheStartWithItsName() {
        for (int strength : new int[] {3, 32, -1}) {
            assertThatThrownBy(() -> configuration.passwordEncoder(strength))
                    .hasMessageContaining("nianbao.security.password-strength").hasMessageContaining(String.valueOf(strength));
        }
    }
}
