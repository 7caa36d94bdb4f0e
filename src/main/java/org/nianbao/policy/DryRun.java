package org.nianbao.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nianbao.assessment.Assessment;
import org.nianbao.rules.Finding;

/**
 * What a candidate ruleset or scorecard would change for one report: the score and grade before and after, and
 * the findings added and removed.
 */
public record DryRun(String source, Side active, Side candidate, double change, List<String> added, List<String> removed,
                     String error) {

    /** One side of the comparison. */
    public record Side(double score, String grade, String ruleset, String scorecard) {
        static Side of(Assessment a) {
            return new Side(a.score(), a.grade(), a.ruleset().version(), a.ruleset().scorecard());
        }
    }

    public static DryRun compare(Assessment active, Assessment candidate) {
        Set<String> before = keys(active);
        Set<String> after = keys(candidate);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        double change = Math.round((candidate.score() - active.score()) * 100) / 100.0;
        return new DryRun(active.source(), Side.of(active), Side.of(candidate), change, added, removed, null);
    }

    public static DryRun failed(String source, String error) {
        return new DryRun(source, null, null, 0, List.of(), List.of(), error);
    }

    /** A finding as a person reads it in a difference: rule, deduction, message. */
    private static Set<String> keys(Assessment a) {
        Set<String> keys = new LinkedHashSet<>();
        for (Finding f : a.findings()) {
            keys.add(f.ruleId() + " (-" + f.deduction() + ") " + f.message());
        }
        return keys;
    }
}
