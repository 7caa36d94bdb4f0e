package org.nianbao.rules;

/** A problem in a rule file: which file, which line, what is wrong. {@code line} is 0 when unknown. */
public record RuleProblem(String file, int line, String message) {

    /** Whether this is the parser's own message, in English: a page keeps it as a detail behind those in Chinese. */
    public boolean fromParser() {
        return SyntaxHints.isParserMessage(message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
