package org.nianbao.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A private self-check (a report scored without an account) is a draft that belongs to its agency: it is kept for
 * {@code nianbao.retention.private-checks} (default 90 days) and then deleted, by a sweep every
 * {@code nianbao.retention.sweep} (default one hour) in every instance. What accounts hand in — and so every report of
 * a round — is never touched.
 */
@Component
@EnableScheduling
public class PrivateCheckRetention {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateCheckRetention.class);

    private final AssessmentStore store;
    private final Duration keep;
    private final Clock clock;

    @Autowired
    public PrivateCheckRetention(AssessmentStore store, @Value("${nianbao.retention.private-checks:P90D}") Duration keep) {
        this(store, keep, Clock.systemUTC());
    }

    PrivateCheckRetention(AssessmentStore store, Duration keep, Clock clock) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("nianbao.retention.private-checks must be positive: " + keep);
        }
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    /** How long a private self-check is kept. */
    public Duration keep() {
        return keep;
    }

    /** How long a private self-check is kept, in words for the pages: 「90 天」, 「12 小时」. */
    public String keepInWords() {
        if (keep.toDays() > 0 && keep.toHoursPart() == 0 && keep.toMinutesPart() == 0) {
            return keep.toDays() + " 天";
        }
        return keep.toHours() > 0 ? keep.toHours() + " 小时" : Math.max(1, keep.toMinutes()) + " 分钟";
    }

    /** The sweep: every private self-check stored before {@link #keep()} ago is deleted; returns how many. */
    @Scheduled(initialDelayString = "${nianbao.retention.sweep:PT1H}", fixedDelayString = "${nianbao.retention.sweep:PT1H}")
    public int sweep() {
        Instant before = clock.instant().minus(keep);
        int deleted = store.deletePrivateBefore(before);
        if (deleted > 0) {
            LOG.info("删除了 {} 份超过保存期限的未登录自查结果 (deleted {} private self-checks stored before {})",
                    deleted, deleted, before);
        }
        return deleted;
    }
}
