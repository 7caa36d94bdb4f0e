package org.nianbao.collection;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A polite pace per host: a request to a host waits until the pause after the one before it has passed, whichever
 * thread makes it. Each host has its own clock; hosts do not wait for one another.
 */
final class HostPacer {

    private final Map<String, Long> next = new HashMap<>();

    /** Waits for this host's turn, then books the next turn {@code pause} later. */
    void await(String host, Duration pause) throws InterruptedException {
        long wait;
        synchronized (next) {
            long now = System.nanoTime();
            long at = Math.max(now, next.getOrDefault(host, now));
            next.put(host, at + pause.toNanos());
            wait = at - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
