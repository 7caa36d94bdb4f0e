package org.nianbao.operations;

import org.nianbao.policy.ActiveRuleset;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): up once a ruleset is in force, with its version, so a load
 * balancer sends no report to an instance that could not assess it.
 */
@Component("rules")
public class RulesHealth implements HealthIndicator {

    private final ActiveRuleset active;

    public RulesHealth(ActiveRuleset active) {
        this.active = active;
    }

    @Override
    public Health health() {
        ActiveRuleset.InForce inForce = active.inForce();
        if (inForce == null || inForce.assessor() == null) {
            return Health.outOfService().withDetail("rules", "no ruleset in force").build();
        }
        return Health.up().withDetail("version", inForce.assessor().rules().version())
                .withDetail("versionId", inForce.versionId())
                .withDetail("scorecard", inForce.assessor().scorecard().label()).build();
    }
}
