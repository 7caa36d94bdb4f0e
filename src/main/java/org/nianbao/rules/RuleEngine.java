package org.nianbao.rules;

import java.util.List;
import java.util.Set;
import org.kie.api.runtime.KieSession;

/** Runs a ruleset over one report's facts and returns what the rules found. */
public final class RuleEngine {

    /** Enough for every rule to fire on every cell; a ruleset that loops is stopped, not left spinning. */
    private static final int FIRING_LIMIT = 20_000;

    private RuleEngine() {
    }

    /** What the rules found, and the checks they could not make. */
    public record Evaluation(List<Finding> findings, Set<String> notApplicable) {
    }

    public static Evaluation evaluate(RuleSet rules, List<Object> facts) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            Findings findings = new Findings();
            session.setGlobal("findings", findings);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules(FIRING_LIMIT);
            return new Evaluation(findings.found(), findings.notApplicable());
        } finally {
            session.dispose();
        }
    }
}
