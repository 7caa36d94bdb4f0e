package org.nianbao.rules;

import java.util.List;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.nianbao.extraction.StatementCatalog;

/**
 * A built, validated ruleset: the compiled rules, the statements they look for, and a version that
 * changes whenever any rule file does.
 */
public record RuleSet(String version, KieBase kieBase, StatementCatalog statements, List<RuleInfo> rules,
                      KieSessionsPool sessions) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public RuleSet(String version, KieBase kieBase, StatementCatalog statements, List<RuleInfo> rules) {
        this(version, kieBase, statements, rules, kieBase instanceof InternalKnowledgeBase internal
                ? internal.newKieSessionsPool(Runtime.getRuntime().availableProcessors()) : null);
    }

    /**
     * A rule session to insert one report's facts into, then to dispose of: taken from the ruleset's pool, where
     * disposing of it puts it back emptied (making a session's memory for every rule costs more than emptying one).
     */
    public KieSession newSession() {
        return sessions != null ? sessions.newKieSession() : kieBase.newKieSession();
    }
}
