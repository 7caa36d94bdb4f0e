package org.nianbao.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What reviewers said about each rule's findings, round by round: how many findings the rule raised in the
 * round's reports, how many a reviewer confirmed and how many dismissed, and the reasons given for each dismissal.
 * A rule whose findings are often dismissed is the first to fix. A round's reports are those its ranking counts:
 * each agency's latest submission, and each report no agency was matched to. A decision counts once per round and
 * finding (its latest word); a dismissed finding is no longer in the assessment, so a rule has raised the findings
 * still standing and those dismissed.
 */
@Repository
public class ReviewStatistics {

    /** A dismissal: the agency whose report it was, the reviewer's reason, who and when. */
    public record Dismissal(String agency, String reason, String reviewedBy, Instant reviewedAt) {
    }

    /**
     * One rule in one round.
     *
     * @param found            the findings the rule raised in the round's reports (standing and dismissed)
     * @param confirmed        the findings a reviewer confirmed
     * @param dismissed        the findings a reviewer dismissed, with their reasons in {@code dismissals}
     * @param dismissedPercent the share of the rule's findings dismissed, in per cent (one decimal)
     */
    public record RuleInRound(String ruleId, long roundId, String round, int year, int found, int confirmed,
                              int dismissed, double dismissedPercent, List<Dismissal> dismissals) {

        static RuleInRound of(String ruleId, long roundId, String round, int year, int found, int confirmed,
                              int dismissed, List<Dismissal> dismissals) {
            return new RuleInRound(ruleId, roundId, round, year, found, confirmed, dismissed,
                    found == 0 ? 0 : Math.round(1000.0 * dismissed / found) / 10.0, dismissals);
        }
    }

    private record Submission(long id, long roundId, String round, int year, Long agencyId, String agency,
                              long assessmentId, String sha256) {
    }

    private record Decision(long roundId, String sha256, String fingerprint, String ruleId, String decision,
                            String reason, String reviewedBy, Instant reviewedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ReviewStatistics(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Every rule a reviewer decided on, per round: most dismissals first, then the largest share dismissed, the
     * newest round first.
     */
    public List<RuleInRound> byRule() {
        Map<Long, List<Submission>> reports = reportsByRound();
        Map<String, Submission> bySha = new HashMap<>(); // round + report → the submission counted
        reports.values().forEach(list -> list.forEach(s -> bySha.put(s.roundId() + "/" + s.sha256(), s)));

        Map<String, Decision> latest = new LinkedHashMap<>(); // round + report + finding → its latest decision
        for (Decision d : decisions()) {
            if (bySha.containsKey(d.roundId() + "/" + d.sha256())) {
                latest.put(d.roundId() + "/" + d.sha256() + "/" + d.fingerprint(), d);
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // round + rule → {standing, confirmed, dismissed}
        Map<String, List<Dismissal>> reasons = new HashMap<>();
        for (Decision d : latest.values()) {
            String key = d.roundId() + "/" + d.ruleId();
            int[] c = counts.computeIfAbsent(key, k -> new int[3]);
            if ("dismissed".equals(d.decision())) {
                c[2]++;
                reasons.computeIfAbsent(key, k -> new ArrayList<>()).add(new Dismissal(
                        bySha.get(d.roundId() + "/" + d.sha256()).agency(), d.reason(), d.reviewedBy(), d.reviewedAt()));
            } else {
                c[1]++;
            }
        }
        List<RuleInRound> rows = new ArrayList<>();
        Map<Long, Map<String, Integer>> standing = new HashMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            long roundId = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf('/')));
            String ruleId = e.getKey().substring(e.getKey().indexOf('/') + 1);
            Map<String, Integer> found = standing.computeIfAbsent(roundId, id -> standingFindings(reports.get(id)));
            Submission any = reports.get(roundId).get(0);
            int[] c = e.getValue();
            rows.add(RuleInRound.of(ruleId, roundId, any.round(), any.year(), found.getOrDefault(ruleId, 0) + c[2], c[1],
                    c[2], List.copyOf(reasons.getOrDefault(e.getKey(), List.of()))));
        }
        rows.sort(Comparator.comparingInt(RuleInRound::dismissed).reversed()
                .thenComparing(Comparator.comparingDouble(RuleInRound::dismissedPercent).reversed())
                .thenComparing(Comparator.comparingLong(RuleInRound::roundId).reversed())
                .thenComparing(RuleInRound::ruleId));
        return rows;
    }

    /** Each round's reports as its ranking counts them: each agency's latest submission, every unmatched one. */
    private Map<Long, List<Submission>> reportsByRound() {
        List<Submission> all = jdbc.sql("""
                SELECT s.id, s.round_id, r.name, r.report_year, s.agency_id,
                       COALESCE(ag.name, a.agency, s.named_agency, s.source), a.id, a.source_sha256
                FROM round_submission s
                JOIN evaluation_round r ON r.id = s.round_id
                JOIN assessment a ON a.id = s.assessment_id
                LEFT JOIN agency ag ON ag.id = s.agency_id
                ORDER BY s.id
                """)
                .query((rs, n) -> new Submission(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getString(8)))
                .list();
        Map<String, Submission> counted = new LinkedHashMap<>();
        for (Submission s : all) { // in id order: an agency's later submission replaces its earlier one
            counted.put(s.roundId() + "/" + (s.agencyId() == null ? "#" + s.id() : s.agencyId()), s);
        }
        Map<Long, List<Submission>> byRound = new LinkedHashMap<>();
        counted.values().forEach(s -> byRound.computeIfAbsent(s.roundId(), r -> new ArrayList<>()).add(s));
        return byRound;
    }

    private List<Decision> decisions() {
        return jdbc.sql("""
                SELECT DISTINCT s.round_id, f.source_sha256, f.fingerprint, f.rule_id, f.decision, f.reason,
                       f.reviewed_by, f.reviewed_at, f.id
                FROM finding_review f
                JOIN assessment a ON a.source_sha256 = f.source_sha256
                JOIN round_submission s ON s.assessment_id = a.id
                ORDER BY f.id
                """)
                .query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** How many findings of each rule the round's reports still have (their stored assessments read once). */
    private Map<String, Integer> standingFindings(List<Submission> reports) {
        Map<String, Integer> counts = new HashMap<>();
        List<Long> ids = reports.stream().map(Submission::assessmentId).toList();
        for (String text : jdbc.sql("SELECT assessment_json FROM assessment WHERE id IN (:ids)").param("ids", ids)
                .query(String.class).list()) {
            for (JsonNode f : json.readTree(text).path("findings")) {
                counts.merge(f.path("ruleId").asString(""), 1, Integer::sum);
            }
        }
        return counts;
    }
}
