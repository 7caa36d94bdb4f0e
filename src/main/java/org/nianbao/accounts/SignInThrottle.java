package org.nianbao.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per account name in the database (so every instance sees them) and per client address in
 * this instance. After {@code max-failures} in a row a name is locked for {@code lockout}, and each further failure
 * after that doubles it (up to {@code max-lockout}); a success ends the run. An address with
 * {@code max-failures-per-address} failures within {@code address-window} is refused until the window ends. Names
 * that belong to no account are counted alike, so that a refusal tells nothing of which names exist.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_ADDRESSES = 10_000;

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();
    private volatile Instant lastPrune = Instant.EPOCH;

    /** The failures of one address since {@code start}. */
    private record Window(Instant start, int failures) {
    }

    public SignInThrottle(JdbcClient jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** How long the name or the address must still wait before it may try again; empty when it may try now. */
    public Optional<Duration> wait(String name, String address) {
        Instant now = Instant.now();
        Duration wait = Duration.ZERO;
        Window window = addresses.get(address);
        if (window != null && window.failures() >= settings.maxFailuresPerAddress()) {
            Duration left = Duration.between(now, window.start().plus(settings.addressWindow()));
            wait = left.isNegative() ? wait : left;
        }
        if (AccountNames.plausible(name)) {
            Optional<Timestamp> until = jdbc.sql("SELECT locked_until FROM sign_in_failure WHERE name = :n")
                    .param("n", name).query((rs, n) -> rs.getTimestamp(1)).optional().filter(t -> t != null);
            if (until.isPresent()) {
                Duration left = Duration.between(now, until.get().toInstant());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a wrong password (or token) for the name and the address; locks either when it has had too many. */
    public void failed(String name, String address) {
        Instant now = Instant.now();
        Window window = addresses.compute(address, (a, w) -> w == null || w.start().plus(settings.addressWindow()).isBefore(now)
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (window.failures() == settings.maxFailuresPerAddress()) {
            log.warn("登录失败次数过多：地址 {} 在 {} 内失败 {} 次，暂停其登录 (address {} refused after {} failed sign-ins)",
                    address, settings.addressWindow(), window.failures(), address, window.failures());
        }
        if (addresses.size() > MAX_ADDRESSES) {
            forgetOldAddresses(now);
        }
        if (AccountNames.plausible(name)) {
            countForName(name, now);
        }
    }

    /** A right password: the name's run of failures ends. */
    public void succeeded(String name) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE name = :n").param("n", name).update();
    }

    /** Ends a name's lock-out (an administrator set a new password). */
    public void clear(String name) {
        succeeded(name);
    }

    private void countForName(String name, Instant now) {
        Instant forgotten = now.minus(settings.maxLockout());
        int updated = jdbc.sql("""
                UPDATE sign_in_failure SET failures = CASE WHEN last_failure < :forgotten THEN 1 ELSE failures + 1 END,
                                           last_failure = :now
                WHERE name = :n
                """).param("forgotten", Timestamp.from(forgotten)).param("now", Timestamp.from(now)).param("n", name).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO sign_in_failure (name, failures, last_failure) VALUES (:n, 1, :now)")
                        .param("n", name).param("now", Timestamp.from(now)).update();
            } catch (org.springframework.dao.DuplicateKeyException meanwhile) { // another instance counted the same name
                countForName(name, now);
                return;
            }
        }
        int failures = jdbc.sql("SELECT failures FROM sign_in_failure WHERE name = :n").param("n", name)
                .query(Integer.class).optional().orElse(0);
        if (failures >= settings.maxFailures()) {
            Duration lock = lockFor(failures);
            jdbc.sql("UPDATE sign_in_failure SET locked_until = :until WHERE name = :n")
                    .param("until", Timestamp.from(now.plus(lock))).param("n", name).update();
            log.warn("登录失败次数过多：账号名「{}」连续失败 {} 次，锁定 {} 秒 (name '{}' locked for {} s after {} failed sign-ins)",
                    name, failures, lock.toSeconds(), name, lock.toSeconds(), failures);
        }
        prune(now);
    }

    /** {@code lockout}, doubled for each failure past {@code max-failures}, at most {@code max-lockout}. */
    Duration lockFor(int failures) {
        int doublings = Math.min(failures - settings.maxFailures(), 20);
        Duration lock = settings.lockout().multipliedBy(1L << doublings);
        return lock.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lock;
    }

    /** Once an hour: rows of names whose last failure is older than the longest lock-out go. */
    private void prune(Instant now) {
        if (lastPrune.plus(Duration.ofHours(1)).isAfter(now)) {
            return;
        }
        lastPrune = now;
        jdbc.sql("DELETE FROM sign_in_failure WHERE last_failure < :old")
                .param("old", Timestamp.from(now.minus(settings.maxLockout()).minus(settings.maxLockout()))).update();
    }

    private void forgetOldAddresses(Instant now) {
        for (Iterator<Window> i = addresses.values().iterator(); i.hasNext(); ) {
            if (i.next().start().plus(settings.addressWindow()).isBefore(now)) {
                i.remove();
            }
        }
        if (addresses.size() > MAX_ADDRESSES) {
            addresses.clear(); // a flood from more addresses than remembered: start counting again
        }
    }
}
