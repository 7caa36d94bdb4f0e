package org.nianbao.rules;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.command.ExecutableCommand;
import org.kie.api.conf.SequentialOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.Context;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.RegistryContext;

/** Runs a ruleset over one report's facts and returns what the rules found. */
public final class RuleEngine {

    /** Enough for every rule to fire on every cell; a ruleset that loops is stopped, not left spinning. */
    private static final int FIRING_LIMIT = 20_000;

    private RuleEngine() {
    }

    /**
     * The rule base of {@code packages}, as every ruleset is built. Sequential where it can be: a session takes every
     * fact of a report before the first rule fires and no consequence changes a fact ({@link RuleLanguage} allows
     * {@code findings} calls only), so each rule's matches are worked out once, in one pass, without the agenda
     * weighing them again. Rules of an activation group (of which only the first to fire may) need the agenda, and a
     * ruleset with one is not built sequential.
     */
    static InternalKnowledgeBase ruleBase(ClassLoader classes, Collection<KiePackage> packages) {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration(null, classes);
        boolean activationGroups = packages.stream().flatMap(p -> p.getRules().stream())
                .map(r -> ((RuleImpl) r).getActivationGroup()).anyMatch(g -> g != null && !g.isEmpty());
        if (!activationGroups) {
            conf.setOption(SequentialOption.YES);
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(conf);
        base.addPackages(packages);
        return base;
    }

    /** What the rules found, and the checks they could not make. */
    public record Evaluation(List<Finding> findings, Set<String> notApplicable) {
    }

    /**
     * One report's facts through the rules, in a session of the ruleset's own (emptied after each report and kept
     * for the next), within the {@linkplain RuleBudget time budget}: a session past it is halted and fails with
     * {@link RuleTimeout}, naming the rule it was at.
     */
    public static Evaluation evaluate(RuleSet rules, List<Object> facts) {
        StatelessKieSession session = rules.sessions().newStatelessKieSession();
        Findings findings = new Findings();
        session.setGlobal("findings", findings);
        int fired;
        RuleBudget.Watch watch = RuleBudget.start(!rules.first().over());
        try {
            fired = session.execute(new InsertAndFire(facts, rules.factTypes(), watch));
        } catch (RuleTimeout e) {
            throw e;
        } catch (RuntimeException e) {
            if (watch.overdue()) {
                throw watch.timeout();
            }
            throw failure(e);
        } finally {
            watch.stop();
        }
        if (watch.overdue()) {
            throw watch.timeout();
        }
        rules.first().end();
        if (fired >= FIRING_LIMIT) {
            throw new RuleFailure("规则触发超过 %d 次，可能有规则循环触发".formatted(FIRING_LIMIT), null);
        }
        return new Evaluation(findings.found(), findings.notApplicable());
    }

    private static RuleFailure failure(RuntimeException thrown) {
        try {
            throw thrown;
        } catch (org.kie.api.runtime.rule.ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new RuleFailure("规则「%s」运行出错：%s".formatted(rule, cause), e);
        } catch (RuntimeException e) {
            return new RuleFailure("规则运行出错：" + e.getMessage(), e);
        }
    }

    /** Every fact some rule asks about in, then the rules fired up to the limit; the number of firings. */
    private record InsertAndFire(List<Object> facts, FactTypes types, RuleBudget.Watch watch)
            implements ExecutableCommand<Integer> {

        @Override
        public Integer execute(Context context) {
            KieSession session = ((RegistryContext) context).lookup(KieSession.class);
            watch.watching(session);
            for (Object fact : facts) {
                if (types.wanted(fact)) {
                    session.insert(fact);
                }
            }
            return session.fireAllRules(watch, FIRING_LIMIT);
        }

        @Override
        public boolean autoFireAllRules() {
            return false;
        }
    }
}
