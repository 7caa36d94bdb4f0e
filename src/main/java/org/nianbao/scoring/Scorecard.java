package org.nianbao.scoring;

import java.util.List;
import java.util.Map;
import org.nianbao.report.Report;

/**
 * Weights, points, deductions, caps and grade bands: everything that turns findings into a score.
 * Read from a file in {@code scorecards/}; nothing here is fixed in code. The publication deadlines are the organ
 * table's ({@code rules/organs.yaml}); {@code deadlines} is read from a scorecard written before, and not used.
 */
public record Scorecard(String id, String name, String version, List<Category> categories, List<Check> checks,
                        List<Grade> grades, Map<String, String> deadlines, List<Cap> caps) {

    public Scorecard {
        categories = List.copyOf(categories);
        checks = List.copyOf(checks);
        grades = List.copyOf(grades);
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        caps = caps == null ? List.of() : List.copyOf(caps);
    }

    public record Category(String id, String name) {
    }

    /**
     * @param perFinding        points lost per finding of this check, unless {@code deductions} names the rule
     * @param deductions        points lost per finding of a given rule (fixed, or by bands of what it measured)
     * @param appliesFromYear   the check applies to reports on this year and later only (e.g. 2021)
     * @param needsPreviousYear the check compares with last year's report and is not applicable without it
     */
    public record Check(String id, String name, String category, double points, Double perFinding,
                        Map<String, Deduction> deductions, Integer appliesFromYear, Boolean needsPreviousYear) {

        public Check {
            deductions = deductions == null ? Map.of() : Map.copyOf(deductions);
        }

        /**
         * Whether the check applies. A report whose year is not known is held to every check of any year: an unknown
         * year never spares a report a check it might have failed.
         */
        public boolean appliesTo(Report report, boolean previousYearKnown) {
            if (appliesFromYear != null && report.year() != null && report.year() < appliesFromYear) {
                return false;
            }
            return !Boolean.TRUE.equals(needsPreviousYear) || previousYearKnown;
        }
    }

    /** A fixed number of points, or points by bands of a measure (the first band whose upTo it does not pass). */
    public record Deduction(Double points, List<Band> bands) {

        public Deduction {
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        double of(Double measure) {
            if (bands.isEmpty() || measure == null) {
                return points == null ? 0 : points;
            }
            for (Band band : bands) {
                if (band.upTo() == null || measure <= band.upTo()) {
                    return band.deduct();
                }
            }
            return bands.get(bands.size() - 1).deduct();
        }
    }

    public record Band(Double upTo, double deduct) {
    }

    /** A grade from {@code min} points (on 100) upwards. */
    public record Grade(String grade, double min) {
    }

    /**
     * A finding so serious that the grade may be no better than {@code maxGrade}, and the committee is told.
     *
     * @param minMeasure only when the rule measured at least this much (e.g. 31 days late)
     */
    public record Cap(String id, List<String> rules, Double minMeasure, String maxGrade, String flag) {
    }

    public Check check(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst().orElse(null);
    }

    /** Names the scorecard in an assessment: id, version and a hash of the file. */
    public String label() {
        return id + "@" + version;
    }
}
