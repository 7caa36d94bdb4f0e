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
 */
@Service
public class Reviews {

    public static final String CONFIRMED = "confirmed";
    public static final String DISMISSED = "dismissed";

    /** A decision on a finding. */
    public record Review(long id, String fingerprint, String ruleId, String decision, String reason, String reviewedBy,
                         Instant reviewedAt) {
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
    private final AssessmentStore assessments;
    private final AssessmentService service;
    private final RoundStore rounds;
    private final RoundService roundService;

    public Reviews(JdbcClient jdbc, AssessmentStore assessments, AssessmentService service, RoundStore rounds,
                   RoundService roundService) {
        this.jdbc = jdbc;
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
     * together or not at all.
     */
    @org.springframework.transaction.annotation.Transactional
    public Assessment decide(long assessmentId, String fingerprint, String decision, String reason, String by) {
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
        String ruleId = src.assessment().findings().stream().filter(f -> f.fingerprint().equals(fingerprint))
                .map(Finding::ruleId).findFirst()
                .orElseGet(() -> latest(src.sha256()).containsKey(fingerprint) ? latest(src.sha256()).get(fingerprint).ruleId() : null);
        if (ruleId == null) {
            throw new RoundService.Refused("评分结果 " + assessmentId + " 中没有这条问题「" + fingerprint + "」(no such finding)");
        }
        jdbc.sql("""
                INSERT INTO finding_review (source_sha256, fingerprint, rule_id, decision, reason, reviewed_by, reviewed_at)
                VALUES (:sha, :fingerprint, :rule, :decision, :reason, :by, :at)
                """)
                .param("sha", src.sha256()).param("fingerprint", fingerprint).param("rule", ruleId).param("decision", d)
                .param("reason", reason.strip()).param("by", by).param("at", Timestamp.from(Instant.now()))
                .update();
        return reassess(assessmentId);
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
    public Set<String> dismissed(String sha) {
        return latest(sha).values().stream().filter(r -> DISMISSED.equals(r.decision())).map(Review::fingerprint)
                .collect(Collectors.toSet());
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
        AssessmentStore.Source src = source(assessmentId);
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
