package org.nianbao.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nianbao.security.*}: how many failed sign-ins lock an account name ({@code max-failures}, for
 * {@code lockout}, doubled with each further failure up to {@code max-lockout}) and a client address
 * ({@code max-failures-per-address} within {@code address-window}); how long a checked HTTP Basic password is
 * remembered ({@code credentials-cache}, at most {@code credentials-cache-size} of them).
 */
@ConfigurationProperties("nianbao.security")
public record SecuritySettings(
        @DefaultValue("10") int maxFailures,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("24h") Duration maxLockout,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("60s") Duration credentialsCache,
        @DefaultValue("1000") int credentialsCacheSize) {
}
