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
 * findings (never below zero; an {@code info} finding deducts nothing); a check that cannot be made is left out and the total is rescaled:
 * earned ÷ applicable × 100.
 */
public final class Scorer {

    private Scorer() {
    }

    public static Score score(Scorecard card, Report report, boolean previousYearKnown, RuleEngine.Evaluation evaluation) {
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
            if (!check.appliesTo(report, previousYearKnown)) {
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
            boolean hit = scored.stream().anyMatch(f -> cap.rules().contains(f.ruleId())
                    && (cap.minMeasure() == null || f.measure() != null && f.measure() >= cap.minMeasure()));
            if (hit) {
                flags.add(cap.flag());
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
