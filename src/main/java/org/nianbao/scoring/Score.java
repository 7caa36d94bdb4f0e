package org.nianbao.scoring;

import java.util.List;
import org.nianbao.rules.Finding;

/** The scored result: total on 100, grade, categories, every check, and the findings with their deductions. */
public record Score(double score, double maxScore, String grade, List<CategoryScore> categories,
                   List<CheckResult> checks, List<Finding> findings, List<String> flags) {
}
