package org.nianbao.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Names and passwords checked a moment ago, so that a script's next HTTP Basic request does not pay BCrypt (~70 ms of
 * CPU) again: kept for {@code credentials-cache} (60 s), at most {@code credentials-cache-size} of them, under an
 * HMAC of name and password with a key made at start (the password itself is never kept). A hit counts only while
 * the account's stamp is still the one it had when the password was checked; the caller checks that.
 */
@Component
public class VerifiedCredentials {

    private record Entry(AccountUser user, Instant expires) {
    }

    private final SecuritySettings settings;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public VerifiedCredentials(SecuritySettings settings) {
        this.settings = settings;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The account these credentials signed in as a moment ago, if they did. */
    public Optional<AccountUser> get(String name, String password) {
        if (!enabled()) {
            return Optional.empty();
        }
        String id = id(name, password);
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expires().isBefore(Instant.now())) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    public void put(String name, String password, AccountUser user) {
        if (!enabled()) {
            return;
        }
        Instant now = Instant.now();
        if (entries.size() >= settings.credentialsCacheSize()) {
            for (Iterator<Entry> i = entries.values().iterator(); i.hasNext(); ) {
                if (i.next().expires().isBefore(now)) {
                    i.remove();
                }
            }
            if (entries.size() >= settings.credentialsCacheSize()) {
                return; // full of live entries: this one is checked again next time
            }
        }
        entries.put(id(name, password), new Entry(user, now.plus(settings.credentialsCache())));
    }

    /** Forgets these credentials (their account changed since they were checked). */
    public void forget(String name, String password) {
        entries.remove(id(name, password));
    }

    /** Forgets every entry of the account (it was changed on this instance). */
    public void forget(String name) {
        entries.values().removeIf(e -> e.user().getUsername().equals(name));
    }

    int size() {
        return entries.size();
    }

    private boolean enabled() {
        return settings.credentialsCacheSize() > 0 && !settings.credentialsCache().isNegative() && !settings.credentialsCache().isZero();
    }

    private String id(String name, String password) {
        Mac mac = macs.get();
        mac.update(name.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }
}
