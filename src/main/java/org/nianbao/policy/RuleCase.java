package org.nianbao.policy;

import java.util.List;

/**
 * A rule test written by policy staff (rules/tests/*.yaml): a report, the rules that must and must not fire on
 * it, and the range its score must fall in.
 *
 * @param report      the report file, relative to the folder of the test file
 * @param publishedOn the publication date to assume (YYYY-MM-DD), if any
 * @param level       the level to assume (government, department, township), if any
 * @param previousYear last year's report of the same agency (relative like {@code report}), for the cross-year rules
 * @param otherAgencies other agencies' reports of the same evaluation round (relative like {@code report})
 */
public record RuleCase(String name, String report, String publishedOn, String level, String previousYear,
                       List<String> otherAgencies, List<String> mustFire, List<String> mustNotFire, Range score) {

    public RuleCase {
        otherAgencies = otherAgencies == null ? List.of() : List.copyOf(otherAgencies);
        mustFire = mustFire == null ? List.of() : List.copyOf(mustFire);
        mustNotFire = mustNotFire == null ? List.of() : List.copyOf(mustNotFire);
    }

    /** An inclusive range; either end may be left out. */
    public record Range(Double min, Double max) {
        boolean contains(double v) {
            return (min == null || v >= min) && (max == null || v <= max);
        }

        @Override
        public String toString() {
            return "[" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]";
        }
    }
}
