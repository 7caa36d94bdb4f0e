package org.nianbao.policy;

import java.util.List;
import org.nianbao.rules.RuleProblem;

/** A ruleset that was not activated: its problems (file, line, message) or the rule tests it failed. */
public class ActivationRefused extends RuntimeException {

    private final List<RuleProblem> problems;
    private final List<String> failedTests;

    public ActivationRefused(List<RuleProblem> problems, List<String> failedTests) {
        super(problems.isEmpty()
                ? "规则测试未通过，未启用，原规则继续使用 (rule tests failed; the active ruleset keeps serving)"
                : "规则或记分卡有误，未启用，原规则继续使用 (invalid ruleset; the active ruleset keeps serving)");
        this.problems = List.copyOf(problems);
        this.failedTests = List.copyOf(failedTests);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public List<String> failedTests() {
        return failedTests;
    }
}
