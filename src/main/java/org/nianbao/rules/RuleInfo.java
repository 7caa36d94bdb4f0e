package org.nianbao.rules;

/** One rule of the ruleset, as the catalogue lists it. */
public record RuleInfo(String id, String check, String severity, String category, String file) {
}
