package org.nianbao.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void locksForTheLockoutThenTwiceAsLongForEachFurtherFailureUpToTheLongest() {
        SignInThrottle throttle = new SignInThrottle(null, new SecuritySettings(10, Duration.ofMinutes(15), Duration.ofHours(24),
                30, Duration.ofMinutes(15), Duration.ofSeconds(60), 1000));
        assertThat(throttle.lockFor(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.lockFor(11)).isEqualTo(Duration.ofMinutes(30));
        assertThat(throttle.lockFor(13)).isEqualTo(Duration.ofHours(2));
        assertThat(throttle.lockFor(17)).isEqualTo(Duration.ofHours(24));
        assertThat(throttle.lockFor(1000)).isEqualTo(Duration.ofHours(24));
    }
}
