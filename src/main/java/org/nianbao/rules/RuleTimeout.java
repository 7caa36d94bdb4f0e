package org.nianbao.rules;

/** A rule session that ran past its time budget and was stopped; the message names the rule it was at. */
public class RuleTimeout extends RuleFailure {

    private final String rule;

    public RuleTimeout(String message, String rule) {
        super(message, null);
        this.rule = rule;
    }

    /** The rule the session was at when it was stopped, or null when that could not be told. */
    public String rule() {
        return rule;
    }
}
