package org.nianbao.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Component;
import org.nianbao.assessment.Assessment;
import org.nianbao.rules.Evidence;
import org.nianbao.rules.Labels;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.Standing;

/**
 * A round's ranking: one row per expected agency, ranked within its group by the grade of its latest submission and,
 * within a grade, by its score; ties share a rank (1, 2, 2, 4). The grade comes first because a cap lowers the grade
 * and not the score: a report capped at 合格 ranks below every 良好 one whatever its score. An agency without a
 * report is {@code missing}; one whose latest report could not be assessed is {@code failed}. Reports that could
 * not be matched to an agency follow: {@code unmatched}, or {@code failed} when they could not be read either.
 */
@Component
public class Ranking {

    /** A category's score in a row: id, Chinese name, score and maximum. */
    public record CategoryScore(String id, String name, double score, double max) {
    }

    /** A finding as the committee's export lists it. */
    public record FindingRow(String ruleId, String check, String severity, Double deduction, String message,
                             String place, String suggestion) {
    }

    /** One row of the ranking. */
    public record Row(Integer rank, Long agencyId, String agency, String level, String group, Double score, String grade,
                      List<CategoryScore> categories, Integer findings, Integer openReviews, String status,
                      Long assessmentId, String source, String error, List<FindingRow> findingList) {
    }

    private final RoundStore rounds;
    private final AssessmentStore assessments;
    private final Reviews reviews;
    private final RoundService service;

    public Ranking(RoundStore rounds, AssessmentStore assessments, Reviews reviews, RoundService service) {
        this.rounds = rounds;
        this.assessments = assessments;
        this.reviews = reviews;
        this.service = service;
    }

    public List<Row> of(long roundId) {
        Map<Long, RoundStore.Submission> latest = new HashMap<>();
        List<RoundStore.Submission> unmatched = new ArrayList<>();
        for (RoundStore.Submission s : rounds.submissions(roundId)) {
            if (s.agencyId() == null) {
                unmatched.add(s);
            } else {
                latest.put(s.agencyId(), s); // in id order: the last one wins
            }
        }
        List<Row> rows = new ArrayList<>();
        for (RoundStore.Expected e : rounds.expected(roundId)) {
            RoundStore.Submission s = latest.get(e.agencyId());
            if (s == null) {
                rows.add(new Row(null, e.agencyId(), e.name(), e.level(), e.group(), null, null, List.of(), null, null,
                        "missing", null, null, null, List.of()));
            } else if (s.assessmentId() == null) {
                rows.add(new Row(null, e.agencyId(), e.name(), e.level(), e.group(), null, null, List.of(), null, null,
                        "failed", null, s.source(), s.error(), List.of()));
            } else {
                rows.add(scored(e, s));
            }
        }
        rank(rows, service.assessor(roundId).scorecard().grades().stream().map(Scorecard.Grade::grade).toList());
        rows.sort(Comparator.comparing((Row r) -> r.group() == null ? "" : r.group())
                .thenComparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(Row::agency));
        for (RoundStore.Submission s : unmatched) {
            AssessmentStore.Source src = s.assessmentId() == null ? null : assessments.source(s.assessmentId()).orElse(null);
            String agency = s.namedAgency() == null ? s.source() : s.namedAgency();
            rows.add(src == null
                    ? new Row(null, null, agency, null, null, null, null, List.of(), null, null, "failed",
                            s.assessmentId(), s.source(), s.error(), List.of())
                    : row(null, agency, null, null, "unmatched", src, s));
        }
        return rows;
    }

    private Row scored(RoundStore.Expected e, RoundStore.Submission s) {
        return row(e.agencyId(), e.name(), e.level(), e.group(), "scored",
                assessments.source(s.assessmentId()).orElseThrow(), s);
    }

    /** A row for a stored assessment, loaded once: its score, categories, findings and open reviews. */
    private Row row(Long agencyId, String agency, String level, String group, String status, AssessmentStore.Source src,
                    RoundStore.Submission s) {
        Assessment a = src.assessment();
        List<CategoryScore> categories = a.categories().stream()
                .map(c -> new CategoryScore(c.id(), c.name(), c.score(), c.max())).toList();
        List<FindingRow> findings = a.findings().stream()
                .map(f -> new FindingRow(f.ruleId(), f.check(), f.severity(), f.deduction(), f.message(),
                        Labels.place(f.evidence() == null ? Evidence.NONE : f.evidence()), f.suggestion()))
                .toList();
        return new Row(null, agencyId, agency, level, group, a.score(), a.grade(), categories, a.findings().size(),
                reviews.open(src), status, s.assessmentId(), s.source(), s.error(), findings);
    }

    /**
     * Ranks the scored rows within their group: the best grade first ({@code grades} from best to worst; a grade not
     * among them after them all), then the best score; rows of equal grade and score share a rank, the next rank
     * skips.
     */
    static void rank(List<Row> rows, List<String> grades) {
        Comparator<Row> standing = Standing.order(grades, Row::grade, Row::score);
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if ("scored".equals(rows.get(i).status())) {
                byGroup.computeIfAbsent(rows.get(i).group() == null ? "" : rows.get(i).group(), g -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> members : byGroup.values()) {
            members.sort(Comparator.comparing(rows::get, standing));
            int rank = 0;
            Row previous = null;
            for (int k = 0; k < members.size(); k++) {
                Row r = rows.get(members.get(k));
                if (previous == null || standing.compare(r, previous) != 0) {
                    rank = k + 1;
                    previous = r;
                }
                rows.set(members.get(k), new Row(rank, r.agencyId(), r.agency(), r.level(), r.group(), r.score(), r.grade(),
                        r.categories(), r.findings(), r.openReviews(), r.status(), r.assessmentId(), r.source(), r.error(),
                        r.findingList()));
            }
        }
    }
}
