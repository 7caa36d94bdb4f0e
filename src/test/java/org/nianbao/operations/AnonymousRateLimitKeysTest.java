package org.nianbao.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnonymousRateLimitKeysTest {

    @Test
    void anIpv4ClientCountsByItsAddress() {
        assertThat(AnonymousRateLimit.client("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64Network() {
        assertThat(AnonymousRateLimit.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(AnonymousRateLimit.client("2001:db8:1:2::1"))
                .isNotEqualTo(AnonymousRateLimit.client("2001:db8:1:3::1"));
    }

    @Test
    void theWaitIsSaidInChineseWords() {
        assertThat(AnonymousRateLimit.human(Duration.ofHours(1))).isEqualTo("1 小时");
        assertThat(AnonymousRateLimit.human(Duration.ofMinutes(10))).isEqualTo("10 分钟");
        assertThat(AnonymousRateLimit.human(Duration.ofSeconds(45))).isEqualTo("45 秒");
        assertThat(AnonymousRateLimit.human(Duration.ofSeconds(1199))).isEqualTo("20 分钟");
    }
}
