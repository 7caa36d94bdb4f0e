package org.nianbao.rules;

/**
 * One rule of the ruleset, as the catalogue lists it.
 *
 * @param description the comment line above the rule in its file (what it checks, in Chinese)
 * @param file        the rule file it is written in
 * @param line        the line of {@code rule "…"} in that file
 * @param points      the deduction the rule itself states (「扣N分」), or null when it leaves it to the scorecard
 */
public record RuleInfo(String id, String check, String severity, String category, String description, String file,
                       int line, Double points) implements java.io.Serializable {

    public RuleInfo(String id, String check, String severity, String category, String description, String file, int line) {
        this(id, check, severity, category, description, file, line, null);
    }
}
