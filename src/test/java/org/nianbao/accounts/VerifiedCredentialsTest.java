package org.nianbao.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static SecuritySettings settings(Duration keep, int size) {
        return new SecuritySettings(10, Duration.ofMinutes(15), Duration.ofHours(24), 30, Duration.ofMinutes(15), keep, size);
    }

    private static AccountUser user(String name, long stamp) {
        return new AccountUser(name, "", true, List.of(), stamp);
    }

    @Test
    void remembersOnlyTheSameNameAndPassword() {
        VerifiedCredentials cache = new VerifiedCredentials(settings(Duration.ofSeconds(60), 10));
        cache.put("boss", "right-password", user("boss", 3));
        assertThat(cache.get("boss", "right-password")).hasValueSatisfying(u -> assertThat(u.stamp()).isEqualTo(3));
        assertThat(cache.get("boss", "right-passwore")).isEmpty();
        assertThat(cache.get("bosS", "right-password")).isEmpty();
        cache.forget("boss");
        assertThat(cache.get("boss", "right-password")).isEmpty();
    }

    @Test
    void forgetsAfterItsTimeAndKeepsNoMoreThanItsSize() throws Exception {
        VerifiedCredentials brief = new VerifiedCredentials(settings(Duration.ofMillis(50), 10));
        brief.put("boss", "right-password", user("boss", 0));
        Thread.sleep(80);
        assertThat(brief.get("boss", "right-password")).isEmpty();

        VerifiedCredentials small = new VerifiedCredentials(settings(Duration.ofSeconds(60), 3));
        for (int i = 0; i < 10; i++) {
            small.put("user" + i, "password", user("user" + i, 0));
        }
        assertThat(small.size()).isEqualTo(3);
    }

    @Test
    void remembersNothingWhenTurnedOff() {
        VerifiedCredentials off = new VerifiedCredentials(settings(Duration.ZERO, 10));
        off.put("boss", "right-password", user("boss", 0));
        assertThat(off.get("boss", "right-password")).isEmpty();
    }

    @Test
    void aRememberedSignInCountsOnlyWhileTheAccountsStampIsTheSame() {
        AccountUser user = user("boss", 4);
        assertThat(user.current(java.util.Optional.of(new AccountStore.Stamp(4, true)))).isTrue();
        assertThat(user.current(java.util.Optional.of(new AccountStore.Stamp(5, true)))).as("changed since").isFalse();
        assertThat(user.current(java.util.Optional.of(new AccountStore.Stamp(4, false)))).as("disabled").isFalse();
        assertThat(user.current(java.util.Optional.empty())).as("gone").isFalse();
    }
}
