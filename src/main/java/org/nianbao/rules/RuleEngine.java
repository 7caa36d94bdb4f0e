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
            int fired;
            try {
                fired = session.fireAllRules(FIRING_LIMIT);
            } catch (org.kie.api.runtime.rule.ConsequenceException e) {
                String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new RuleFailure("规则「%s」运行出错：%s".formatted(rule, cause), e);
            } catch (RuntimeException e) {
                throw new RuleFailure("规则运行出错：" + e.getMessage(), e);
            }
            if (fired >= FIRING_LIMIT) {
                throw new RuleFailure("规则触发超过 %d 次，可能有规则循环触发".formatted(FIRING_LIMIT), null);
            }
            return new Evaluation(findings.found(), findings.notApplicable());
        } finally {
            session.dispose();
        }
    }
}
