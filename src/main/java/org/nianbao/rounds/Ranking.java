package org.nianbao.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A round's ranking: one row per expected agency, ranked within its group by the score of its latest submission;
 * ties share a rank (1, 2, 2, 4). An agency without a report is {@code missing}; one whose latest report could
 * not be assessed is {@code failed}. Reports that could not be matched to an agency follow: {@code unmatched}, or
 * {@code failed} when they could not be read either.
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

    public Ranking(RoundStore rounds, AssessmentStore assessments, Reviews reviews) {
        this.rounds = rounds;
        this.assessments = assessments;
        this.reviews = reviews;
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
        rank(rows);
        rows.sort(Comparator.comparing((Row r) -> r.group() == null ? "" : r.group())
                .thenComparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(Row::agency));
        for (RoundStore.Submission s : unmatched) {
            JsonNode a = s.assessmentId() == null ? null : assessments.find(s.assessmentId(), false).orElse(null);
            rows.add(new Row(null, null, s.namedAgency() == null ? s.source() : s.namedAgency(), null, null,
                    a == null ? null : a.get("score").asDouble(), a == null ? null : a.get("grade").asString(),
                    a == null ? List.of() : categories(a), a == null ? null : a.get("findings").size(),
                    a == null ? null : reviews.open(s.assessmentId()), a == null ? "failed" : "unmatched",
                    s.assessmentId(), s.source(), s.error(), a == null ? List.of() : findings(a)));
        }
        return rows;
    }

    private Row scored(RoundStore.Expected e, RoundStore.Submission s) {
        JsonNode a = assessments.find(s.assessmentId(), false).orElseThrow();
        return new Row(null, e.agencyId(), e.name(), e.level(), e.group(), a.get("score").asDouble(),
                a.get("grade").asString(), categories(a), a.get("findings").size(), reviews.open(s.assessmentId()),
                "scored", s.assessmentId(),
                s.source(), null, findings(a));
    }

    private static List<CategoryScore> categories(JsonNode a) {
        List<CategoryScore> out = new ArrayList<>();
        for (JsonNode c : a.get("categories")) {
            out.add(new CategoryScore(c.get("id").asString(), c.get("name").asString(), c.get("score").asDouble(),
                    c.get("max").asDouble()));
        }
        return out;
    }

    private static List<FindingRow> findings(JsonNode a) {
        List<FindingRow> out = new ArrayList<>();
        for (JsonNode f : a.get("findings")) {
            JsonNode ev = f.get("evidence");
            StringBuilder place = new StringBuilder();
            if (ev != null) {
                if (!ev.path("table").isNull() && !ev.path("table").isMissingNode()) {
                    place.append("表").append(ev.get("table").asString());
                    if (!ev.path("row").isNull()) {
                        place.append(' ').append(ev.get("row").asString());
                    }
                    if (!ev.path("column").isNull()) {
                        place.append(' ').append(ev.get("column").asString());
                    }
                } else if (!ev.path("line").isNull() && !ev.path("line").isMissingNode()) {
                    place.append("第").append(ev.get("line").asInt()).append("行");
                }
            }
            out.add(new FindingRow(f.get("ruleId").asString(), f.get("check").asString(), f.get("severity").asString(),
                    f.get("deduction").isNull() ? null : f.get("deduction").asDouble(), f.get("message").asString(),
                    place.toString(), f.path("suggestion").isNull() ? null : f.path("suggestion").asString(null)));
        }
        return out;
    }

    /** Ranks the scored rows within their group: best first, equal scores share a rank, the next rank skips. */
    static void rank(List<Row> rows) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if ("scored".equals(rows.get(i).status())) {
                byGroup.computeIfAbsent(rows.get(i).group() == null ? "" : rows.get(i).group(), g -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> members : byGroup.values()) {
            members.sort(Comparator.comparing((Integer i) -> -rows.get(i).score()));
            int rank = 0;
            Double previous = null;
            for (int k = 0; k < members.size(); k++) {
                Row r = rows.get(members.get(k));
                if (previous == null || Double.compare(r.score(), previous) != 0) {
                    rank = k + 1;
                    previous = r.score();
                }
                rows.set(members.get(k), new Row(rank, r.agencyId(), r.agency(), r.level(), r.group(), r.score(), r.grade(),
                        r.categories(), r.findings(), r.openReviews(), r.status(), r.assessmentId(), r.source(), r.error(),
                        r.findingList()));
            }
        }
    }
}
