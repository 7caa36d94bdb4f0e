package org.nianbao.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.rules.Finding;

/**
 * What an assessment comes to, as two of them are compared (a dry run's two sides): the report it is of, its score,
 * grade and versions, and each finding (rule and message, joined by a NUL) with the deductions it makes, in order;
 * the same finding once.
 */
public record Outcome(String source, String agency, Integer year, double score, String grade, String ruleset,
                      String scorecard, Map<String, List<Double>> findings) {

    public Outcome {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        findings.forEach((finding, deductions) -> copy.put(finding, List.copyOf(deductions)));
        findings = Collections.unmodifiableMap(copy);
    }

    public static Outcome of(Assessment a) {
        Map<String, List<Double>> findings = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            List<Double> deductions = findings.computeIfAbsent(f.ruleId() + "\u0000" + f.message(), k -> new ArrayList<>());
            if (!deductions.contains(f.deduction())) {
                deductions.add(f.deduction());
            }
        }
        return new Outcome(a.source(), a.report().agency(), a.report().year(), a.score(), a.grade(),
                a.ruleset().version(), a.ruleset().scorecard(), findings);
    }

    /** The same outcome of a report stored under another name. */
    public Outcome named(String name) {
        return new Outcome(name, agency, year, score, grade, ruleset, scorecard, findings);
    }
}
