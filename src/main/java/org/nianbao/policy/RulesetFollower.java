package org.nianbao.policy;

import java.time.Duration;
import org.nianbao.assessment.Assessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance on the version in force when several instances share one database: it looks at the active
 * version row every {@code nianbao.rules.poll} (a quarter of a second by default) and, when another instance activated a
 * different version, builds that version completely (validated, compiled, with its scorecards) and only then swaps
 * it in. If this instance activated something else meanwhile, the swap is not made and the next look decides.
 */
@Component
public class RulesetFollower {

    private static final Logger LOG = LoggerFactory.getLogger(RulesetFollower.class);

    private final ActiveRuleset active;
    private final RulesetVersionStore versions;
    private final NianbaoProperties properties;
    private final Duration poll;
    private volatile Thread thread;
    private volatile long refused;

    public RulesetFollower(ActiveRuleset active, RulesetVersionStore versions, NianbaoProperties properties,
                           @Value("${nianbao.rules.poll:PT0.25S}") Duration poll) {
        this.active = active;
        this.versions = versions;
        this.properties = properties;
        this.poll = poll;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (thread != null || poll.isZero() || poll.isNegative()) {
            return;
        }
        thread = new Thread(this::follow, "ruleset-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(poll.toMillis());
                catchUp();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the database away for a moment: the next look tries again
                LOG.warn("未能读取现行规则版本 (could not read the version in force): {}", e.getMessage());
            }
        }
    }

    /** Puts the database's active version in force here if it is not already; true if it swapped one in. */
    public boolean catchUp() {
        ActiveRuleset.InForce seen = active.inForce();
        long activeId = versions.activeId();
        if (activeId == 0 || activeId == seen.versionId() || activeId == refused) {
            return false;
        }
        RulesetVersionStore.Stored stored = versions.active().orElse(null);
        if (stored == null || stored.id() != activeId) {
            return false; // changed again while we looked: the next look takes it
        }
        long start = System.nanoTime();
        ActiveRuleset.InForce next = stored.files().inFolder((dir, scorecard) -> {
            Validation v = Validation.of(dir, scorecard);
            if (!v.valid()) {
                LOG.error("规则版本 #{} 在本实例上未通过校验，仍使用现行版本 (version {} does not validate here): {}",
                        activeId, activeId, v.problems().get(0).message());
                refused = activeId;
                return null;
            }
            return new ActiveRuleset.InForce(new Assessor(v.rules(), v.scorecard()),
                    RulesConfiguration.scorecardsOf(dir, properties), activeId);
        });
        if (next != null && active.replace(seen, next)) {
            LOG.info("规则版本 #{} ({}) 已由其他实例启用，本实例已切换 (now in force here, built in {} ms)", activeId,
                    next.assessor().rules().version(), (System.nanoTime() - start) / 1_000_000);
            return true;
        }
        return false;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
