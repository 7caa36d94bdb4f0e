package org.nianbao.rules;

/** A problem in a rule file: which file, which line, what is wrong. {@code line} is 0 when unknown. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
