package org.nianbao.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot be used: every problem with its file and line. */
public class InvalidRuleSet extends RuntimeException {

    private final List<RuleProblem> problems;

    public InvalidRuleSet(List<RuleProblem> problems) {
        super("规则有误 (invalid rules):\n" + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
