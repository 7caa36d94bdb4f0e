package org.nianbao.web;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins under this name or from this address: try again after {@link #retryAfter()}. */
class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("登录失败次数过多，请 " + minutes(retryAfter) + " 后再试 (too many failed sign-ins: retry after "
                + seconds(retryAfter) + " s)");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one: the value of a {@code Retry-After} header. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The wait in words: «3 秒» under a minute, else «N 分钟» rounded up. */
    static String minutes(Duration wait) {
        long s = seconds(wait);
        return s < 60 ? s + " 秒" : (s + 59) / 60 + " 分钟";
    }
}
