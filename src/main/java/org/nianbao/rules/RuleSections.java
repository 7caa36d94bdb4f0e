package org.nianbao.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How many operations each part of a rule file chains, counted before any parser reads it: the conditions of a rule
 * (after 「when」), its consequence (after 「then」), and whatever comes between, each part begun by its keyword at
 * the start of a line and in the order a rule is written. A part chaining more than
 * {@value #MOST_OPERATIONS} is refused by that count, the same on every machine, rather than by how deep a parser's
 * recursion happens to reach there. The carried rules chain at most a few dozen in any part.
 */
final class RuleSections {

    static final int MOST_OPERATIONS = 300;

    /** The words that begin a new part of a rule file outside a rule, a query or a declaration. */
    private static final Set<String> TOP = Set.of("rule", "query", "function", "declare", "import", "global", "package");

    /**
     * Whether {@code word}, first on its line, begins a new part after {@code part}: in the order a rule file is
     * written (a rule's 「when」, then its 「then」, then its 「end」), so that a line of a consequence that begins
     * with a name such as 「when」 does not start the count again.
     */
    private static boolean begins(String word, String part) {
        return switch (part) {
            case "rule" -> word.equals("when") || word.equals("then") || word.equals("end");
            case "when" -> word.equals("then") || word.equals("end");
            case "then", "query", "declare" -> word.equals("end");
            default -> TOP.contains(word);
        };
    }

    private static final String OPERATOR_CHARACTERS = "+-*/%&|^<>=!?:,.";

    private RuleSections() {
    }

    /** The parts of {@code drl} that chain too many operations, each at the line its part begins; empty when none. */
    static List<RuleProblem> tooLong(String file, String drl) {
        List<RuleProblem> problems = new ArrayList<>();
        int line = 1;
        int partLine = 1;
        String part = "";
        int count = 0;
        boolean told = false;
        boolean inOperator = false;
        boolean lineStart = true; // nothing but blanks yet on this line
        int n = drl.length();
        for (int i = 0; i < n; i++) {
            char c = drl.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            boolean first = lineStart;
            lineStart = false;
            if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                while (i + 1 < n && drl.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                for (i += 2; i < n && !(drl.charAt(i) == '*' && i + 1 < n && drl.charAt(i + 1) == '/'); i++) {
                    if (drl.charAt(i) == '\n') {
                        line++;
                    }
                }
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                for (i++; i < n && drl.charAt(i) != c; i++) {
                    if (drl.charAt(i) == '\\') {
                        i++;
                    } else if (drl.charAt(i) == '\n') {
                        line++;
                    }
                }
                inOperator = false;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i + 1 < n && Character.isJavaIdentifierPart(drl.charAt(i + 1))) {
                    i++;
                }
                String word = drl.substring(start, i + 1);
                if (first && begins(word, part)) { // as a rule file writes them: 「$a.end」 begins no part
                    part = word;
                    partLine = line;
                    count = 0;
                    told = false;
                }
                inOperator = false;
                continue;
            }
            boolean operator = OPERATOR_CHARACTERS.indexOf(c) >= 0;
            if (operator && !inOperator && ++count > MOST_OPERATIONS && !told) {
                problems.add(new RuleProblem(file, partLine, (part.isEmpty() ? "这一部分" : "「" + part + "」之后")
                        + "有超过 %d 个运算连在一起：请拆成几个条件或几条规则".formatted(MOST_OPERATIONS)));
                told = true;
            }
            inOperator = operator;
        }
        return problems;
    }
}
