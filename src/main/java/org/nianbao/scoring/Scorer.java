package org.nianbao.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.report.Report;
import org.nianbao.rules.Finding;
import org.nianbao.rules.RuleEngine;

/**
 * Applies a scorecard to what the rules found. Each check earns its points less the deductions of its
 * findings (never below zero; an {@code info} finding deducts nothing); a check that cannot be made for want of
 * something outside the report (last year's report, the publication date) is left out and the total is rescaled:
 * earned ÷ applicable × 100. A check that cannot be made because the report itself leaves out what it needs (its
 * year, its level) counts and earns nothing when the scorecard says {@code omittedByReport: fail}, so that leaving
 * something out never raises a score; a finding says why. Caps lower the grade, never the score.
 */
public final class Scorer {

    /** The finding that says a check earned nothing because the report does not state its year. */
    public static final String YEAR_OMITTED = "SCORE-YEAR-OMITTED";
    /** The same, for a report whose level (and so its organ) cannot be known from it. */
    public static final String LEVEL_OMITTED = "SCORE-LEVEL-OMITTED";

    private Scorer() {
    }

    public static Score score(Scorecard card, Report report, boolean previousYearKnown, RuleEngine.Evaluation evaluation) {
        return score(card, report, previousYearKnown, evaluation, java.util.Set.of());
    }

    /**
     * As {@link #score(Scorecard, Report, boolean, RuleEngine.Evaluation)}; {@code dismissed} are the fingerprints
     * of findings a reviewer dismissed. The rules' findings are left out before (by the assessor); an omission this
     * scorer would record and a reviewer dismissed leaves its check not applicable instead.
     */
    public static Score score(Scorecard card, Report report, boolean previousYearKnown, RuleEngine.Evaluation evaluation,
                              java.util.Set<String> dismissed) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding f : evaluation.findings()) {
            byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        List<CheckResult> results = new ArrayList<>();
        List<Finding> scored = new ArrayList<>();
        Map<String, double[]> perCategory = new LinkedHashMap<>(); // {earned, max}
        card.categories().forEach(c -> perCategory.put(c.id(), new double[2]));
        double earnedTotal = 0;
        double applicableTotal = 0;

        for (Scorecard.Check check : card.checks()) {
            List<Finding> findings = byCheck.getOrDefault(check.id(), List.of());
            String omitted = check.omittedBy(report, previousYearKnown);
            Finding omission = omitted == null ? null : omission(check, omitted);
            if (omission != null && card.failsWhatTheReportOmits() && check.points() > 0
                    && !dismissed.contains(omission.fingerprint())) {
                // the report leaves out what the check needs: it counts and earns nothing (its rules' findings,
                // made without what they need, are not reported)
                scored.add(omission.scored(check.category(), check.points()));
                results.add(new CheckResult(check.id(), check.category(), "failed", check.points(), 0.0));
                double[] cat = perCategory.computeIfAbsent(check.category(), k -> new double[2]);
                cat[1] += check.points();
                applicableTotal += check.points();
                continue;
            }
            if (omitted != null || !check.appliesTo(report, previousYearKnown)) {
                // not applicable: to a report on an earlier year, without last year's report, or (as the scorecard
                // may say) without what the report leaves out
                results.add(new CheckResult(check.id(), check.category(), "not_applicable", check.points(), null));
                continue; // the check does not apply to this report: its findings are not reported
            }
            double remaining = check.points();
            boolean deducted = false;
            List<Finding> mine = new ArrayList<>();
            for (Finding f : findings) {
                double nominal = f.onlyMarksNotApplicable() ? 0 : deduction(check, f);
                double applied = Math.min(nominal, remaining);
                remaining -= applied;
                deducted |= nominal > 0;
                mine.add(f.scored(check.category(), round(applied)));
            }
            boolean notApplicable = evaluation.notApplicable().contains(check.id()) && !deducted;
            scored.addAll(mine);
            if (notApplicable) {
                results.add(new CheckResult(check.id(), check.category(), "not_applicable", check.points(), null));
                continue;
            }
            double earned = round(Math.max(0, remaining));
            String outcome = !deducted ? "passed" : earned <= 0 ? "failed" : "partial";
            results.add(new CheckResult(check.id(), check.category(), outcome, check.points(), earned));
            double[] cat = perCategory.computeIfAbsent(check.category(), k -> new double[2]);
            cat[0] += earned;
            cat[1] += check.points();
            earnedTotal += earned;
            applicableTotal += check.points();
        }
        for (Finding f : evaluation.findings()) {
            if (card.check(f.check()) == null) {
                scored.add(f.scored("unscored", 0)); // a rule citing a check this scorecard does not have
            }
        }

        double total = applicableTotal == 0 ? 0 : round(earnedTotal / applicableTotal * 100);
        String grade = grade(card, total);
        List<String> flags = new ArrayList<>();
        for (Scorecard.Cap cap : card.caps()) {
            Finding hit = scored.stream().filter(f -> caps(cap, f)).findFirst().orElse(null);
            if (hit != null) {
                flags.add(flag(cap, hit));
                if (rank(card, grade) < rank(card, cap.maxGrade())) {
                    grade = cap.maxGrade();
                }
            }
        }
        List<CategoryScore> categories = new ArrayList<>();
        for (Scorecard.Category c : card.categories()) {
            double[] v = perCategory.get(c.id());
            categories.add(new CategoryScore(c.id(), c.name(), round(v[0]), round(v[1])));
        }
        return new Score(total, 100.0, grade, categories, results, scored, flags);
    }

    /**
     * Whether a finding brings a cap into force: a rule it names, measuring at least {@code minMeasure}, comparing
     * numbers that differ by more than the tolerance (a finding that compares no numbers is beyond any tolerance).
     */
    static boolean caps(Scorecard.Cap cap, Finding f) {
        if (!cap.rules().contains(f.ruleId()) || f.onlyMarksNotApplicable()) {
            return false;
        }
        if (cap.minMeasure() != null && (f.measure() == null || f.measure() < cap.minMeasure())) {
            return false;
        }
        Double difference = difference(f);
        return cap.tolerance() == null || difference == null
                || difference > cap.tolerance().of(f.evidence().expected(), f.evidence().actual()) + 1e-9;
    }

    /** The flag a cap raises, with the reason when it depends on a tolerance: how large the difference is. */
    private static String flag(Scorecard.Cap cap, Finding hit) {
        Double difference = difference(hit);
        if (cap.tolerance() == null || difference == null) {
            return cap.flag();
        }
        return cap.flag() + "：" + Scorecard.show(hit.evidence().expected()) + " 与 " + Scorecard.show(hit.evidence().actual())
                + " 相差 " + Scorecard.show(round(difference)) + "，超过容差（" + cap.tolerance().describe() + "才封顶）";
    }

    private static Double difference(Finding f) {
        if (f.evidence() == null || f.evidence().expected() == null || f.evidence().actual() == null) {
            return null;
        }
        return Math.abs(f.evidence().expected() - f.evidence().actual());
    }

    /** The finding that says why a check earns nothing: the report does not state what it needs. */
    private static Finding omission(Scorecard.Check check, String omitted) {
        boolean year = "year".equals(omitted);
        String what = year ? "报告没有写明所报告的年度" : "报告没有写明机关全称，无法确定机关的层级";
        String message = what + "，无法判断「" + check.id() + " " + check.name() + "」"
                + (check.appliesFromYear() != null && year ? "是否适用、是否符合" : "是否符合")
                + "；按记分卡，报告自身缺少所需内容的检查项不得分（缺项不能比写明得分更高）";
        String suggestion = year ? "在标题中写明所报告的年度，如「××2023年政府信息公开工作年度报告」"
                : "在标题或正文中写明机关全称；提交评分时也可注明层级";
        return new Finding(year ? YEAR_OMITTED : LEVEL_OMITTED, check.id(), check.category(), "warning", null,
                message, suggestion, org.nianbao.rules.Evidence.NONE, null, null, false);
    }

    private static double deduction(Scorecard.Check check, Finding f) {
        if ("info".equals(f.severity())) {
            return 0; // a note for the reader: it costs nothing (a finding that should cost points is a warning)
        }
        Scorecard.Deduction d = check.deductions().get(f.ruleId());
        if (d != null) {
            return d.of(f.measure());
        }
        if (f.points() != null) {
            return f.points(); // the rule's own amount, when the scorecard names none for it
        }
        return check.perFinding() != null ? check.perFinding() : check.points();
    }

    private static String grade(Scorecard card, double score) {
        for (Scorecard.Grade g : card.grades()) {
            if (score >= g.min()) {
                return g.grade();
            }
        }
        return card.grades().get(card.grades().size() - 1).grade();
    }

    /** 0 for the best grade, 1 for the next, … */
    private static int rank(Scorecard card, String grade) {
        for (int i = 0; i < card.grades().size(); i++) {
            if (card.grades().get(i).grade().equals(grade)) {
                return i;
            }
        }
        return card.grades().size();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
