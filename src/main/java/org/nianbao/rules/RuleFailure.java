package org.nianbao.rules;

/** A rule that failed while it ran (an error in its consequence, or a rule that fires without end). */
public class RuleFailure extends RuntimeException {

    public RuleFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
