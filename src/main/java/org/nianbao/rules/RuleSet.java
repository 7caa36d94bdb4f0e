package org.nianbao.rules;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.nianbao.extraction.LabelCatalog;
import org.nianbao.extraction.StatementCatalog;

/**
 * A built, validated ruleset: the compiled rules, the statements they look for, the table labels the reader knows
 * (labels.yaml), and a version that changes whenever any rule file does. Its {@code sessions} are rule sessions kept for reuse: a session that has
 * assessed a report is emptied and handed to the next, which spares building the engine's working memory anew.
 * Its {@code factTypes} are the kinds of fact its rules ask about: a session takes in only those.
 */
public record RuleSet(String version, KieBase kieBase, StatementCatalog statements, LabelCatalog labels,
                      List<RuleInfo> rules, KieSessionsPool sessions, FactTypes factTypes) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public RuleSet(String version, KieBase kieBase, StatementCatalog statements, List<RuleInfo> rules) {
        this(version, kieBase, statements, LabelCatalog.standard(), rules);
    }

    public RuleSet(String version, KieBase kieBase, StatementCatalog statements, LabelCatalog labels, List<RuleInfo> rules) {
        this(version, kieBase, statements, labels, rules, kieBase.newKieSessionsPool(0), FactTypes.of(kieBase));
    }
}
