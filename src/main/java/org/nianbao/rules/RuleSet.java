package org.nianbao.rules;

import java.util.List;
import org.kie.api.KieBase;
import org.nianbao.extraction.StatementCatalog;

/**
 * A built, validated ruleset: the compiled rules, the statements they look for, and a version that
 * changes whenever any rule file does.
 */
public record RuleSet(String version, KieBase kieBase, StatementCatalog statements, List<RuleInfo> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }
}
