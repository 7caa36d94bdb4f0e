package org.nianbao.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.assessment.Assessment;
import org.nianbao.scoring.CheckResult;
import org.nianbao.scoring.Scorecard;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Component;

/**
 * A round at a glance: how many agencies it expects and how many handed in, were scored, are missing or failed;
 * how the grades fall; each category's average against its maximum; the checks most often failed; and, where the
 * agencies have a report of the year before in a round, how their scores moved.
 */
@Component
public class RoundStatistics {

    /** How far the round has come: agencies expected, with a report, scored, missing, failed; reports unmatched. */
    public record Counts(int expected, int submitted, int scored, int missing, int failed, int unmatched) {
    }

    /** A grade and how many agencies have it (this year, and last year among the same agencies; null: no last year). */
    public record GradeCount(String grade, int count, Integer lastYear) {
    }

    /** A category's average over the scored agencies, its maximum in the scorecard, and the average as a share of it. */
    public record CategoryAverage(String id, String name, double average, double max, double percent) {
    }

    /** A check and how many scored reports failed it (wholly or in part). */
    public record FailedCheck(String id, String name, int failed, int partial, int of) {
    }

    /** Last year among the agencies that have both years: how many, the averages, and how many rose or fell. */
    public record Change(int agencies, double averageLastYear, double averageThisYear, int up, int down, int same) {
    }

    /** Everything the round's page draws. */
    public record Statistics(Counts counts, double averageScore, List<GradeCount> grades, List<CategoryAverage> categories,
                             List<FailedCheck> mostFailed, Change change, Map<Long, Double> lastYearScores) {
    }

    private final RoundStore rounds;
    private final RoundService service;
    private final AssessmentStore assessments;

    public RoundStatistics(RoundStore rounds, RoundService service, AssessmentStore assessments) {
        this.rounds = rounds;
        this.service = service;
        this.assessments = assessments;
    }

    /** The statistics of a round whose ranking is {@code rows}. */
    public Statistics of(long roundId, List<Ranking.Row> rows) {
        RoundStore.Round round = service.round(roundId);
        Scorecard card = service.assessor(roundId).scorecard();
        int expected = 0;
        int scored = 0;
        int missing = 0;
        int failed = 0;
        int unmatched = 0;
        for (Ranking.Row r : rows) {
            if (r.agencyId() == null || "unmatched".equals(r.status())) {
                unmatched++;
                continue;
            }
            expected++;
            switch (r.status()) {
                case "scored" -> scored++;
                case "missing" -> missing++;
                case "failed" -> failed++;
                default -> { }
            }
        }
        List<Ranking.Row> scoredRows = rows.stream().filter(r -> "scored".equals(r.status())).toList();
        Counts counts = new Counts(expected, scored + failed, scored, missing, failed, unmatched);
        double average = scoredRows.stream().mapToDouble(Ranking.Row::score).average().orElse(0);

        Map<Long, RoundStore.Earlier> earlier = rounds.lastYear(roundId, round.year());
        Map<Long, Double> lastYearScores = new HashMap<>();
        Map<String, Integer> lastGrades = new HashMap<>();
        int up = 0;
        int down = 0;
        int same = 0;
        double sumBefore = 0;
        double sumNow = 0;
        for (Ranking.Row r : scoredRows) {
            RoundStore.Earlier e = earlier.get(r.agencyId());
            if (e == null) {
                continue;
            }
            lastYearScores.put(r.agencyId(), e.score());
            lastGrades.merge(e.grade(), 1, Integer::sum);
            sumBefore += e.score();
            sumNow += r.score();
            int cmp = Double.compare(round2(r.score()), round2(e.score()));
            if (cmp > 0) {
                up++;
            } else if (cmp < 0) {
                down++;
            } else {
                same++;
            }
        }
        int both = lastYearScores.size();
        Change change = both == 0 ? null : new Change(both, round2(sumBefore / both), round2(sumNow / both), up, down, same);

        List<GradeCount> grades = new ArrayList<>();
        for (Scorecard.Grade g : card.grades()) {
            int n = (int) scoredRows.stream().filter(r -> g.grade().equals(r.grade())).count();
            grades.add(new GradeCount(g.grade(), n, change == null ? null : lastGrades.getOrDefault(g.grade(), 0)));
        }

        Map<String, Double> maxima = new LinkedHashMap<>();
        card.categories().forEach(c -> maxima.put(c.id(), 0.0));
        card.checks().forEach(c -> maxima.merge(c.category(), c.points(), Double::sum));
        List<CategoryAverage> categories = new ArrayList<>();
        for (Scorecard.Category c : card.categories()) {
            double avg = scoredRows.stream().mapToDouble(r -> r.categories().stream().filter(x -> x.id().equals(c.id()))
                    .mapToDouble(Ranking.CategoryScore::score).findFirst().orElse(0)).average().orElse(0);
            // each report's category is out of its applicable checks' points: the share is averaged report by report
            double share = scoredRows.stream().mapToDouble(r -> r.categories().stream().filter(x -> x.id().equals(c.id()))
                    .mapToDouble(x -> x.max() == 0 ? 1 : x.score() / x.max()).findFirst().orElse(0)).average().orElse(0);
            categories.add(new CategoryAverage(c.id(), c.name(), round2(avg), maxima.getOrDefault(c.id(), 0.0),
                    round2(share * 100)));
        }

        Map<String, int[]> failures = new LinkedHashMap<>();
        for (Ranking.Row r : scoredRows) {
            Assessment a = assessments.source(r.assessmentId()).map(AssessmentStore.Source::assessment).orElse(null);
            if (a == null) {
                continue;
            }
            for (CheckResult c : a.checks()) {
                int[] n = failures.computeIfAbsent(c.id(), k -> new int[3]);
                if (!"not_applicable".equals(c.outcome())) {
                    n[2]++;
                }
                if ("failed".equals(c.outcome())) {
                    n[0]++;
                } else if ("partial".equals(c.outcome())) {
                    n[1]++;
                }
            }
        }
        List<FailedCheck> mostFailed = failures.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .map(e -> new FailedCheck(e.getKey(), shortName(card, e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt((FailedCheck f) -> -(f.failed() + f.partial())).thenComparing(FailedCheck::id))
                .limit(10).toList();
        return new Statistics(counts, round2(average), grades, categories, mostFailed, change, lastYearScores);
    }

    /** A check's name up to its first bracket: 「按期公开（按时满分…）」 → 「按期公开」. */
    static String shortName(Scorecard card, String checkId) {
        Scorecard.Check c = card.check(checkId);
        if (c == null) {
            return checkId;
        }
        String name = c.name();
        int cut = name.indexOf('（');
        return cut > 0 ? name.substring(0, cut) : name;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
