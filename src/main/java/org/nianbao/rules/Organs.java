package org.nianbao.rules;

import java.util.ArrayList;
import org.nianbao.extraction.OrganCatalog;

/**
 * Kept so that rulesets written before the organ table ({@code rules/organs.yaml}) still build and score as they did
 * when they were activated (an evaluation round keeps the ruleset it opened with). Rules written since join on the
 * {@link org.nianbao.report.Organ} fact instead: {@code Organ(duties contains "no_rule_making")}.
 */
public final class Organs {

    private static volatile OrganCatalog bundled;

    private Organs() {
    }

    /**
     * Whether the organ so named (of the level given, when its name is of another level) is bound by
     * {@code no_rule_making} in the organ table the application carries; {@code false} without a name.
     */
    public static boolean cannotMakeRules(String agency, String level) {
        if (agency == null || agency.isBlank()) {
            return false;
        }
        OrganCatalog table = table();
        OrganCatalog.Kind kind = table.forGivenLevel(level, table.classify(agency));
        return kind != null && kind.duties().contains("no_rule_making");
    }

    private static OrganCatalog table() {
        OrganCatalog t = bundled;
        if (t == null) {
            t = OrganFile.read(OrganFile.bundled(), new ArrayList<>());
            bundled = t;
        }
        return t;
    }
}
