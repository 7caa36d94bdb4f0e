package org.nianbao.rules;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.nianbao.extraction.LabelCatalog;
import org.nianbao.extraction.OrganCatalog;
import org.nianbao.extraction.StatementCatalog;

/**
 * A built, validated ruleset: the compiled rules, the statements they look for, the table labels the reader knows
 * (labels.yaml), the organ table that decides which of them bind a report's organ and by when it is due, and a
 * version that changes whenever any rule file does. Its {@code sessions} are rule sessions kept for reuse: a session that has
 * assessed a report is emptied and handed to the next, which spares building the engine's working memory anew.
 * Its {@code factTypes} are the kinds of fact its rules ask about: a session takes in only those. Its {@code first}
 * session is told apart: the engine compiles each condition when it first evaluates it, so the first report a
 * ruleset assesses costs it more than the rest ({@link RuleBudget} allows for it).
 */
public record RuleSet(String version, KieBase kieBase, StatementCatalog statements, OrganCatalog organs,
                      LabelCatalog labels, List<RuleInfo> rules, KieSessionsPool sessions, FactTypes factTypes,
                      FirstSession first) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public RuleSet(String version, KieBase kieBase, StatementCatalog statements, OrganCatalog organs, LabelCatalog labels,
                   List<RuleInfo> rules) {
        this(version, kieBase, statements, organs, labels, rules, kieBase.newKieSessionsPool(0), FactTypes.of(kieBase),
                new FirstSession());
    }

    /** Whether a session of the ruleset has finished yet. */
    public static final class FirstSession {
        private volatile boolean over;

        boolean over() {
            return over;
        }

        void end() {
            over = true;
        }
    }
}
