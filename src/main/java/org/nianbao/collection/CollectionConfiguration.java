package org.nianbao.collection;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The collector's settings ({@code nianbao.collect.*}, see {@link CollectSettings}): {@code allowed-hosts} (comma-separated,
 * {@code *.gov.cn} by default), {@code allowed-addresses} (internal addresses allowed nonetheless; none by default),
 * {@code per-host-interval}, {@code connect-timeout}, {@code timeout}, {@code max-page-size}, {@code max-report-size},
 * {@code max-pages}.
 */
@Configuration
public class CollectionConfiguration {

    @Bean
    WebCollector webCollector(@Value("${nianbao.collect.allowed-hosts:*.gov.cn}") List<String> hosts,
                              @Value("${nianbao.collect.allowed-addresses:}") List<String> addresses,
                              @Value("${nianbao.collect.per-host-interval:2s}") Duration interval,
                              @Value("${nianbao.collect.connect-timeout:10s}") Duration connectTimeout,
                              @Value("${nianbao.collect.timeout:30s}") Duration timeout,
                              @Value("${nianbao.collect.max-page-size:5MB}") DataSize maxPage,
                              @Value("${nianbao.collect.max-report-size:20MB}") DataSize maxReport,
                              @Value("${nianbao.collect.max-pages:3}") int maxPages) {
        return new WebCollector(new CollectSettings(hosts, addresses, interval, connectTimeout, timeout, maxPage.toBytes(),
                maxReport.toBytes(), maxPages, "nianbao"));
    }
}
