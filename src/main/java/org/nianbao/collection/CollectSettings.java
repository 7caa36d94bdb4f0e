package org.nianbao.collection;

import java.time.Duration;
import java.util.List;

/**
 * How reports are collected from the agencies' sites ({@code nianbao.collect.*}): the hosts an administrator allows
 * (patterns such as {@code *.gov.cn}; none: nothing is collected), the addresses allowed although private or
 * loopback (none by default; a test server's), the pause between two requests to one host, the time and size limits,
 * how many pages are followed from an address to its report, and the name the service gives in its requests.
 */
public record CollectSettings(List<String> allowedHosts, List<String> allowedAddresses, Duration perHostInterval,
                              Duration connectTimeout, Duration timeout, long maxPageBytes, long maxReportBytes,
                              int maxPages, String userAgent) {

    public CollectSettings {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        allowedAddresses = allowedAddresses == null ? List.of()
                : allowedAddresses.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    /** The defaults, with the hosts and addresses given. */
    public static CollectSettings of(List<String> allowedHosts, List<String> allowedAddresses) {
        return new CollectSettings(allowedHosts, allowedAddresses, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 5L * 1024 * 1024, 20L * 1024 * 1024, 3, "nianbao");
    }

    public CollectSettings withPerHostInterval(Duration interval) {
        return new CollectSettings(allowedHosts, allowedAddresses, interval, connectTimeout, timeout, maxPageBytes,
                maxReportBytes, maxPages, userAgent);
    }
}
