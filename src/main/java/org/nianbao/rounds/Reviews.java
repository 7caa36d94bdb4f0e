package org.nianbao.rounds;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.reading.Document;
import org.nianbao.reading.TextDecoder;
import org.nianbao.rules.Finding;
import org.nianbao.scoring.CheckResult;
import org.nianbao.store.AssessmentStore;
import org.nianbao.submission.AssessmentService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A reviewer's word on the findings: each finding confirmed or dismissed with a reason, recorded with who and
 * when. A dismissed finding no longer deducts: the report is assessed again without it, and the decision holds
 * for every later assessment of the same report (a re-score, a new ruleset), matched by the finding's fingerprint.
 * Findings the rules could not decide (a check left undecided for lack of data, a table read unsure) are listed
 * apart from failures, for a reviewer to look at first.
 *
 * <p>Each decision keeps the finding as it stood, so that a dismissed finding stays visible (struck through, with
 * who, why and when) on the page, in the PDF and in the workbook. In a round that asks for it (the default), an
 * error is dismissed only when a second reviewer agrees: the first reviewer's dismissal is {@code proposed} and
 * changes nothing until another reviewer dismisses it too.
 */
@Service
public class Reviews implements org.nianbao.policy.Dismissals {

    public static final String CONFIRMED = "confirmed";
    public static final String DISMISSED = "dismissed";
    /** A dismissal of an error that waits for a second reviewer. */
    public static final String PROPOSED = "proposed";

    /** A decision on a finding. */
    public record Review(long id, String fingerprint, String ruleId, String decision, String reason, String reviewedBy,
                         Instant reviewedAt) {
    }

    /** What a decision came to: in force ({@code confirmed}, {@code dismissed}) or waiting ({@code proposed}). */
    public record Decided(Assessment assessment, String state) {
    }

    /**
     * A finding reviewers dismissed: the finding as it stood (its message, place and the points it deducted) and the
     * decisions that dismissed it — a proposal and the second reviewer's agreement, or one dismissal.
     */
    public record Dismissal(Finding finding, List<Review> trail) {

        /** Who decided what, when and why, a line each: 「张三 于 2024-03-01 14:05 提议驳回，理由：…」. */
        public List<String> trailText() {
            return trail.stream().map(Reviews::describe).toList();
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());

    /** A decision in words. */
    public static String describe(Review r) {
        String what = switch (r.decision()) {
            case PROPOSED -> "提议驳回";
            case DISMISSED -> "驳回";
            default -> "确认";
        };
        return r.reviewedBy() + " 于 " + WHEN.format(r.reviewedAt()) + " " + what + "，理由：" + r.reason();
    }

    /** A finding as a reviewer sees it: what kind it is, and the decision taken on it (null: open). */
    public record Item(String fingerprint, String ruleId, String check, String severity, Double deduction, String message,
                       String kind, Review review) {
    }

    /** An assessment's findings for review: those the rules could not decide, the failures, and those dismissed. */
    public record Listing(long assessmentId, double score, String grade, List<Item> undecided, List<Item> failures,
                          List<Review> dismissed) {
    }

    private final JdbcClient jdbc;
    private final tools.jackson.databind.ObjectMapper json;
    private final AssessmentStore assessments;
    private final AssessmentService service;
    private final RoundStore rounds;
    private final RoundService roundService;

    public Reviews(JdbcClient jdbc, tools.jackson.databind.ObjectMapper json, AssessmentStore assessments,
                   AssessmentService service, RoundStore rounds, RoundService roundService) {
        this.jdbc = jdbc;
        this.json = json;
        this.assessments = assessments;
        this.service = service;
        this.rounds = rounds;
        this.roundService = roundService;
    }

    private AssessmentStore.Source source(long assessmentId) {
        return assessments.source(assessmentId)
                .orElseThrow(() -> new RoundService.NotFound("没有编号为 " + assessmentId + " 的评分结果 (no such assessment)"));
    }

    public Listing listing(long assessmentId) {
        return listing(source(assessmentId));
    }

    /** As {@link #listing(long)}, for an assessment already loaded. */
    public Listing listing(AssessmentStore.Source src) {
        long assessmentId = src.id();
        Map<String, Review> latest = latest(src.sha256());
        List<Item> undecided = new ArrayList<>();
        List<Item> failures = new ArrayList<>();
        Set<String> undecidedChecks = undecidedChecks(src.assessment());
        for (Finding f : src.assessment().findings()) {
            Review r = latest.get(f.fingerprint());
            if (isUndecided(f, undecidedChecks)) {
                undecided.add(item(f, "undecided", r));
            } else if (f.isErrorOrWarning()) {
                failures.add(item(f, "failure", r));
            }
        }
        List<Review> dismissed = latest.values().stream().filter(r -> DISMISSED.equals(r.decision())).toList();
        return new Listing(assessmentId, src.assessment().score(), src.assessment().grade(), undecided, failures, dismissed);
    }

    /** How many findings of an assessment the rules could not decide and no reviewer has looked at yet. */
    public int open(AssessmentStore.Source src) {
        return (int) listing(src).undecided().stream().filter(i -> i.review() == null).count();
    }

    private static Set<String> undecidedChecks(Assessment a) {
        return a.checks().stream().filter(c -> "not_applicable".equals(c.outcome())).map(CheckResult::id)
                .collect(Collectors.toSet());
    }

    private static boolean isUndecided(Finding f, Set<String> undecidedChecks) {
        return f.ruleId().startsWith("READ-") || "info".equals(f.severity()) && undecidedChecks.contains(f.check());
    }

    private static Item item(Finding f, String kind, Review r) {
        return new Item(f.fingerprint(), f.ruleId(), f.check(), f.severity(), f.deduction(), f.message(), kind, r);
    }

    /**
     * Records a decision on one finding of an assessment and assesses the report again with every dismissal in
     * force; the stored assessment is replaced (same id) and returned. The decision and the new score are stored
     * together or not at all. Dismissing an error of a round that asks for a second reviewer is a proposal until a
     * reviewer other than its proposer dismisses it too; its proposer cannot.
     */
    @org.springframework.transaction.annotation.Transactional
    public Decided decide(long assessmentId, String fingerprint, String decision, String reason, String by) {
        AssessmentStore.Source src = source(assessmentId);
        String d = decision == null ? "" : decision.strip().toLowerCase();
        if (d.equals("confirm") || d.equals("确认")) {
            d = CONFIRMED;
        } else if (d.equals("dismiss") || d.equals("驳回") || d.equals("不予采纳")) {
            d = DISMISSED;
        }
        if (!d.equals(CONFIRMED) && !d.equals(DISMISSED)) {
            throw new RoundService.Refused("decision 应为 confirmed（确认）或 dismissed（驳回）(decision must be confirmed or dismissed)");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new RoundService.Refused("请写明理由 reason（2000 字以内）(a reason is required)");
        }
        Map<String, Review> latest = latest(src.sha256());
        Finding finding = src.assessment().findings().stream().filter(f -> f.fingerprint().equals(fingerprint))
                .findFirst().orElseGet(() -> latest.containsKey(fingerprint) ? snapshot(src.sha256(), fingerprint) : null);
        if (finding == null) {
            throw new RoundService.Refused("评分结果 " + assessmentId + " 中没有这条问题「" + fingerprint + "」(no such finding)");
        }
        Review last = latest.get(fingerprint);
        String state = d;
        if (d.equals(DISMISSED) && "error".equals(finding.severity()) && secondReviewer(assessmentId)
                && (last == null || !DISMISSED.equals(last.decision()))) {
            if (last != null && PROPOSED.equals(last.decision()) && last.reviewedBy().equals(by)) {
                throw new RoundService.Refused("您已提议驳回这条错误，本轮次规定须由另一位评议人同意后才生效"
                        + " (a second reviewer must agree to dismiss an error)");
            }
            state = last != null && PROPOSED.equals(last.decision()) ? DISMISSED : PROPOSED;
        }
        jdbc.sql("""
                INSERT INTO finding_review (source_sha256, fingerprint, rule_id, decision, reason, reviewed_by, reviewed_at,
                                            finding_json)
                VALUES (:sha, :fingerprint, :rule, :decision, :reason, :by, :at, :finding)
                """)
                .param("sha", src.sha256()).param("fingerprint", fingerprint).param("rule", finding.ruleId())
                .param("decision", state).param("reason", reason.strip()).param("by", by)
                .param("at", Timestamp.from(Instant.now())).param("finding", json.writeValueAsString(finding))
                .update();
        if (state.equals(PROPOSED)) {
            return new Decided(src.assessment().withId(assessmentId), state); // nothing changes until a second reviewer agrees
        }
        return new Decided(reassess(assessmentId), state);
    }

    /** Whether dismissing an error of this assessment takes a second reviewer: its round says so. */
    public boolean secondReviewer(long assessmentId) {
        return rounds.placementOf(assessmentId).flatMap(p -> rounds.find(p.roundId()))
                .map(RoundStore.Round::secondReviewer).orElse(false);
    }

    /** The finding as it stood when it was last decided on, from the review that kept it. */
    private Finding snapshot(String sha, String fingerprint) {
        return jdbc.sql("""
                SELECT finding_json FROM finding_review WHERE source_sha256 = :sha AND fingerprint = :fingerprint
                  AND finding_json IS NOT NULL ORDER BY id DESC LIMIT 1
                """)
                .param("sha", sha).param("fingerprint", fingerprint).query(String.class).optional()
                .map(text -> json.readValue(text, Finding.class)).orElse(null);
    }

    /**
     * The findings of an assessment that reviewers dismissed (in force), each as it stood with the decisions that
     * dismissed it, oldest first. A dismissal recorded before findings were kept has the rule id alone.
     */
    public List<Dismissal> dismissals(long assessmentId) {
        AssessmentStore.Source src = source(assessmentId);
        List<Review> all = history(src);
        Map<String, List<Review>> byFingerprint = new LinkedHashMap<>();
        all.forEach(r -> byFingerprint.computeIfAbsent(r.fingerprint(), k -> new ArrayList<>()).add(r));
        List<Dismissal> out = new ArrayList<>();
        for (var e : byFingerprint.entrySet()) {
            List<Review> reviews = e.getValue();
            if (!DISMISSED.equals(reviews.get(reviews.size() - 1).decision())) {
                continue;
            }
            int from = reviews.size() - 1;
            while (from > 0 && (PROPOSED.equals(reviews.get(from - 1).decision()) || DISMISSED.equals(reviews.get(from - 1).decision()))) {
                from--;
            }
            Finding f = snapshot(src.sha256(), e.getKey());
            if (f == null) {
                Review r = reviews.get(reviews.size() - 1);
                f = new Finding(r.ruleId(), null, null, null, null, r.ruleId(), null, null, null, null, null);
            }
            out.add(new Dismissal(f, List.copyOf(reviews.subList(from, reviews.size()))));
        }
        return out;
    }

    /** The latest decision on each finding of an assessment's report, by fingerprint. */
    public Map<String, Review> decisions(long assessmentId) {
        return latest(source(assessmentId).sha256());
    }

    /**
     * Assesses a stored report again, as it was handed in: the round's rules for a round's report (else the rules
     * in force with its scorecard), the date and level it was given, last year's report of its agency, the other
     * agencies' reports of its round, and the findings reviewers dismissed left out. The stored assessment is replaced (same id).
     */
    public Assessment reassess(long assessmentId) {
        AssessmentStore.Source src = source(assessmentId);
        Assessment before = src.assessment();
        RoundStore.Placement placement = rounds.placementOf(assessmentId).orElse(null);
        Assessor assessor;
        if (placement != null) {
            assessor = roundService.assessor(placement.roundId());
        } else {
            String card = before.ruleset().scorecard();
            String cardId = card.contains("@") ? card.substring(0, card.indexOf('@')) : card;
            assessor = service.scorecards().get(cardId) != null ? service.assessor(cardId) : service.assessor();
        }
        Assessment.ReportSummary report = before.report();
        LocalDate published = report.publishedOn() == null ? null : LocalDate.parse(report.publishedOn());
        LocalDate given = "given".equals(report.publishedOnSource()) ? published
                : placement != null ? placement.publishedOn() : null;
        LocalDate pageDate = "page".equals(report.publishedOnSource()) ? published : null;
        AssessmentOptions options = new AssessmentOptions(given, null, report.level())
                .withDismissed(dismissed(src.sha256()));
        if (placement != null) {
            options = options.withOtherAgencies(rounds.sectionFives(placement.roundId(), placement.agencyId()).stream()
                    .map(f -> new AssessmentOptions.OtherAgency(f.agency(), f.text(), f.publishedOn())).toList());
        }
        if (placement != null && placement.agencyId() != null && report.year() != null) {
            Document previous = rounds.reportOf(placement.agencyId(), report.year() - 1)
                    .map(r -> new Document(TextDecoder.decode(r.source(), r.text().getBytes(StandardCharsets.UTF_8)), "text", null))
                    .orElse(null);
            options = options.withPreviousYear(previous);
        }
        // the facts kept with the assessment when the same extractor drew them; else the stored text read again
        AssessmentStore.KeptFacts kept = assessments.keptFacts(List.of(assessmentId)).get(assessmentId);
        Assessor.Assessed again;
        if (kept != null && kept.drawnAs(assessor)) {
            again = assessor.assessAgain(src.source(), kept.facts(), options);
        } else {
            Document document = new Document(TextDecoder.decode(src.source(), src.text().getBytes(StandardCharsets.UTF_8)),
                    "text", pageDate);
            again = assessor.assessKeepingFacts(document, options);
        }
        Assessment a = again.assessment();
        Assessment named = new Assessment(null, before.source(), a.report(), a.ruleset(), a.score(),
                a.maxScore(), a.grade(), a.categories(), a.checks(), a.findings(), a.flags(), a.facts());
        return assessments.replace(assessmentId, named, again.facts());
    }

    /** The fingerprints of the findings dismissed in a report (by its SHA-256): left out of every assessment of it. */
    @Override
    public Set<String> dismissed(String sha) {
        return latest(sha).values().stream().filter(r -> DISMISSED.equals(r.decision())).map(Review::fingerprint)
                .collect(Collectors.toSet());
    }

    /** As {@link #dismissed(String)} for many reports, in one query: a dry run asks it of every report of a year. */
    @Override
    public Map<String, Set<String>> dismissedIn(java.util.Collection<String> shas) {
        if (shas.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> decisions = new java.util.HashMap<>(); // sha → fingerprint → latest decision
        jdbc.sql("SELECT source_sha256, fingerprint, decision FROM finding_review WHERE source_sha256 IN (:shas) ORDER BY id")
                .param("shas", shas)
                .query(rs -> {
                    decisions.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        Map<String, Set<String>> dismissed = new java.util.HashMap<>();
        decisions.forEach((sha, latest) -> dismissed.put(sha, latest.entrySet().stream()
                .filter(e -> DISMISSED.equals(e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet())));
        return dismissed;
    }

    /** The latest decision on each finding of a report. */
    private Map<String, Review> latest(String sha) {
        Map<String, Review> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, fingerprint, rule_id, decision, reason, reviewed_by, reviewed_at FROM finding_review
                WHERE source_sha256 = :sha ORDER BY id
                """)
                .param("sha", sha)
                .query((rs, n) -> new Review(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list()
                .forEach(r -> latest.put(r.fingerprint(), r));
        return latest;
    }

    /** Every review of a report, oldest first: the record of who decided what, when and why. */
    public List<Review> history(long assessmentId) {
        return history(source(assessmentId));
    }

    private List<Review> history(AssessmentStore.Source src) {
        return jdbc.sql("""
                SELECT id, fingerprint, rule_id, decision, reason, reviewed_by, reviewed_at FROM finding_review
                WHERE source_sha256 = :sha ORDER BY id
                """)
                .param("sha", src.sha256())
                .query((rs, n) -> new Review(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
