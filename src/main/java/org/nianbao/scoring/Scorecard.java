package org.nianbao.scoring;

import java.util.List;
import java.util.Map;
import org.nianbao.report.Report;

/**
 * Weights, points, deductions, caps and grade bands: everything that turns findings into a score.
 * Read from a file in {@code scorecards/}; nothing here is fixed in code. The publication deadlines are the organ
 * table's ({@code rules/organs.yaml}); {@code deadlines} is read from a scorecard written before, and not used.
 *
 * @param omittedByReport how a check is scored when it cannot be made because the report itself leaves out what it
 *                        needs (its year, its level): {@link #FAIL} (the default: it counts and earns nothing, so
 *                        that leaving something out never raises a score) or {@link #NOT_APPLICABLE} (left out and
 *                        the total rescaled, as for a check the outside world leaves undecided)
 * @param scope           the reports this scorecard scores; others are refused with the reason ({@code null}: all)
 */
public record Scorecard(String id, String name, String version, List<Category> categories, List<Check> checks,
                        List<Grade> grades, Map<String, String> deadlines, List<Cap> caps, String omittedByReport,
                        Scope scope) {

    public static final String FAIL = "fail";
    public static final String NOT_APPLICABLE = "notApplicable";
    /** What a check may need the report to state: {@code year} (the year reported on), {@code level}. */
    public static final List<String> REPORT_CONTENTS = List.of("year", "level");
    /** What a check may need from outside the report: {@code publishedOn} (the date it was published). */
    public static final List<String> OUTSIDE_INPUTS = List.of("publishedOn");

    public Scorecard {
        categories = List.copyOf(categories);
        checks = List.copyOf(checks);
        grades = List.copyOf(grades);
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        caps = caps == null ? List.of() : List.copyOf(caps);
        omittedByReport = omittedByReport == null ? FAIL : omittedByReport;
    }

    /** True when a check the report makes impossible counts and earns nothing (rather than being left out). */
    public boolean failsWhatTheReportOmits() {
        return FAIL.equals(omittedByReport);
    }

    /**
     * The reports a scorecard scores: those on {@code fromYear} or later, in one of {@code formats} (the table format
     * the reader found, {@code report.format}). A report the reader could not date is in scope.
     */
    public record Scope(Integer fromYear, List<String> formats) {

        public Scope {
            formats = formats == null ? List.of() : List.copyOf(formats);
        }

        /** Why the report is out of scope, in Chinese; {@code null} when it is in scope. */
        public String refusal(Report report) {
            if (fromYear != null && report.year() != null && report.year() < fromYear) {
                return report.year() + "年度的报告早于" + fromYear + "年起施行的年度报告格式（国办公开办函〔2019〕60号），"
                        + "没有本评分办法核对的统计表，不在评分范围内";
            }
            if (!formats.isEmpty() && report.format() != null && !formats.contains(report.format())) {
                return "报告使用的统计表格式（" + report.format() + "）不是本评分办法所评的格式（"
                        + String.join("、", formats) + "），不在评分范围内";
            }
            return null;
        }
    }

    public record Category(String id, String name) {
    }

    /**
     * @param perFinding        points lost per finding of this check, unless {@code deductions} names the rule
     * @param deductions        points lost per finding of a given rule (fixed, or by bands of what it measured)
     * @param appliesFromYear   the check applies to reports on this year and later only (e.g. 2021)
     * @param needsPreviousYear the check compares with last year's report and is not applicable without it
     * @param needs             what the check needs: what the report itself must state ({@code year},
     *                          {@code level}; a check with {@code appliesFromYear} needs the year) and what must be
     *                          known from outside it ({@code publishedOn})
     */
    public record Check(String id, String name, String category, double points, Double perFinding,
                        Map<String, Deduction> deductions, Integer appliesFromYear, Boolean needsPreviousYear,
                        List<String> needs) {

        public Check {
            deductions = deductions == null ? Map.of() : Map.copyOf(deductions);
            needs = needs == null ? List.of() : List.copyOf(needs);
        }

        public Check(String id, String name, String category, double points, Double perFinding,
                     Map<String, Deduction> deductions, Integer appliesFromYear, Boolean needsPreviousYear) {
            this(id, name, category, points, perFinding, deductions, appliesFromYear, needsPreviousYear, null);
        }

        /**
         * What the check needs that the report itself leaves out ({@code year} or {@code level}) when that alone
         * keeps the check from being made; {@code null} when the report states all the check needs, or when
         * something from outside the report is missing as well (last year's report, the publication date): then
         * the outside world leaves the check undecided, whatever the report says.
         */
        public String omittedBy(Report report, boolean previousYearKnown) {
            if (Boolean.TRUE.equals(needsPreviousYear) && !previousYearKnown
                    || needs.contains("publishedOn") && report.publishedOn() == null) {
                return null;
            }
            if ((appliesFromYear != null || needs.contains("year")) && report.year() == null) {
                return "year";
            }
            if (needs.contains("level") && report.level() == null) {
                return "level";
            }
            return null;
        }

        /**
         * Whether the check applies to a report that states what it needs: not to a report on a year before
         * {@code appliesFromYear}, nor without last year's report when it compares with it (the outside world).
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
     * @param tolerance  only when the numbers the finding compares differ by more than this (a slip of a unit or
     *                   two is a deduction, not a cap)
     */
    public record Cap(String id, List<String> rules, Double minMeasure, String maxGrade, String flag,
                      Tolerance tolerance) {

        public Cap(String id, List<String> rules, Double minMeasure, String maxGrade, String flag) {
            this(id, rules, minMeasure, maxGrade, flag, null);
        }
    }

    /**
     * How far two compared numbers may differ before a cap applies: by more than {@code units} and by more than
     * {@code percent} % of the larger of them (either may be left out).
     */
    public record Tolerance(Double units, Double percent) {

        /** The largest difference tolerated between two numbers. */
        public double of(double expected, double actual) {
            double byUnits = units == null ? 0 : units;
            double byShare = percent == null ? 0 : percent / 100 * Math.max(Math.abs(expected), Math.abs(actual));
            return Math.max(byUnits, byShare);
        }

        /** In Chinese, as the method and a flag say it: 「相差大于2且大于较大数的1%」. */
        public String describe() {
            String u = units == null ? null : "大于" + Scorecard.show(units);
            String p = percent == null ? null : "大于较大数的" + Scorecard.show(percent) + "%";
            return "相差" + (u == null ? p : p == null ? u : u + "且" + p);
        }
    }

    static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public Check check(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst().orElse(null);
    }

    /** Names the scorecard in an assessment: id, version and a hash of the file. */
    public String label() {
        return id + "@" + version;
    }
}
