package org.nianbao.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.Outcome;

/**
 * What a candidate ruleset or scorecard would change for one report: the score and grade before and after, and
 * the findings added, removed, and kept with another deduction.
 *
 * @param source  the report's file name
 * @param agency  the agency the report is of, as read from it ({@code null} when unknown)
 * @param year    the year it reports on ({@code null} when unknown)
 * @param changed the findings both sides make that deduct differently: 「RULE (-1.0 → -2.0) message」
 */
public record DryRun(String source, String agency, Integer year, Side active, Side candidate, double change,
                     List<String> added, List<String> removed, List<String> changed, String error) {

    /** One side of the comparison. */
    public record Side(double score, String grade, String ruleset, String scorecard) {
        static Side of(Outcome o) {
            return new Side(o.score(), o.grade(), o.ruleset(), o.scorecard());
        }
    }

    public static DryRun compare(Assessment active, Assessment candidate) {
        return compare(Outcome.of(active), Outcome.of(candidate));
    }

    public static DryRun compare(Outcome active, Outcome candidate) {
        Map<String, List<Double>> before = active.findings();
        Map<String, List<Double>> after = candidate.findings();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (var e : after.entrySet()) {
            List<Double> old = before.get(e.getKey());
            if (old == null) {
                e.getValue().forEach(d -> added.add(key(e.getKey(), "-" + d)));
            } else if (!old.equals(e.getValue())) {
                // the same finding with another deduction: one change, not one added and one removed
                changed.add(key(e.getKey(), deductions(old) + " → " + deductions(e.getValue())));
            }
        }
        for (var e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                e.getValue().forEach(d -> removed.add(key(e.getKey(), "-" + d)));
            }
        }
        double change = Math.round((candidate.score() - active.score()) * 100) / 100.0;
        return new DryRun(active.source(), active.agency(), active.year(), Side.of(active), Side.of(candidate), change, added,
                removed, changed, null);
    }

    public static DryRun failed(String source, String error) {
        return new DryRun(source, null, null, null, null, 0, List.of(), List.of(), List.of(), error);
    }

    /** Whether the candidate changes anything for this report (or it could not be assessed). */
    public boolean differs() {
        return error != null || change != 0 || !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }

    /** A finding as a person reads it in a difference: rule, deduction, message. */
    private static String key(String finding, String deduction) {
        int at = finding.indexOf('\u0000');
        return finding.substring(0, at) + " (" + deduction + ") " + finding.substring(at + 1);
    }

    private static String deductions(List<Double> deductions) {
        return String.join("、", deductions.stream().map(d -> "-" + d).toList());
    }
}
