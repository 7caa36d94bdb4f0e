package org.nianbao.rounds;

import java.net.InetAddress;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background jobs' settings: {@code nianbao.jobs.threads} (0: one per core), {@code nianbao.jobs.lease} (how
 * long a claim holds without renewal), {@code nianbao.jobs.poll} (how often an idle instance looks for work) and
 * {@code nianbao.instance-id} (the name in its claims; by default the host and port, so that a restarted instance
 * takes up its own items at once).
 */
@Configuration
public class JobsConfiguration {

    @Bean
    RoundJobs.JobSettings jobSettings(@Value("${nianbao.jobs.threads:0}") int threads,
                                      @Value("${nianbao.jobs.lease:PT30S}") Duration lease,
                                      @Value("${nianbao.jobs.poll:PT1S}") Duration poll,
                                      @Value("${nianbao.instance-id:}") String instance,
                                      @Value("${server.port:8080}") int port) {
        return new RoundJobs.JobSettings(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                lease, poll, instance.isBlank() ? defaultInstance(port) : instance);
    }

    /** The host and the port; with a port chosen at random, the process id too (two such on one host differ). */
    static String defaultInstance(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return port > 0 ? host + ":" + port : host + ":" + ProcessHandle.current().pid();
    }
}
