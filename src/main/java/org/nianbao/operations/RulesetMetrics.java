package org.nianbao.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nianbao.policy.ActiveRuleset;
import org.springframework.stereotype.Component;

/**
 * The version in force, for operators: {@code nianbao_ruleset_version_id} (the stored version's number) and
 * {@code nianbao_ruleset_info{version, scorecard}} = 1 for the version in force only, so that a dashboard shows
 * when each instance changed version.
 */
@Component
public class RulesetMetrics {

    private final ActiveRuleset active;
    private final MultiGauge info;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ruleset-metrics");
        t.setDaemon(true);
        return t;
    });
    private volatile ActiveRuleset.InForce shown;

    public RulesetMetrics(ActiveRuleset active, MeterRegistry registry) {
        this.active = active;
        Gauge.builder("nianbao.ruleset.version.id", active, a -> a.inForce().versionId())
                .description("Number of the stored ruleset version in force").register(registry);
        this.info = MultiGauge.builder("nianbao.ruleset.info").description("The ruleset version in force (value 1)")
                .register(registry);
        show();
        refresh.scheduleWithFixedDelay(this::show, 1, 1, TimeUnit.SECONDS);
    }

    private void show() {
        ActiveRuleset.InForce now = active.inForce();
        if (now != shown) {
            info.register(List.of(MultiGauge.Row.of(Tags.of("version", now.assessor().rules().version(),
                    "scorecard", now.assessor().scorecard().label()), 1)), true);
            shown = now;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        refresh.shutdownNow();
    }
}
