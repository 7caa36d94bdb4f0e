package org.nianbao.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Outcome;
import org.nianbao.report.KeptForm;
import org.nianbao.report.ReportFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Keeps every assessment with the source's hash and extracted text and the versions that produced it. */
@Repository
public class AssessmentStore {

    /** A line of the assessment list. */
    public record Summary(long id, String source, String agency, Integer year, double score, String grade,
                          String rulesetVersion, String scorecardVersion, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** Facts as they are kept ({@link KeptForm}). */
    private final ObjectMapper keptForm;

    public AssessmentStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.keptForm = KeptForm.of(json);
    }

    /** {@code drawn} written as the store keeps facts and read back, as a dry run reads them. */
    public ReportFacts asKept(ReportFacts drawn) {
        return keptForm.readValue(keptForm.writeValueAsString(drawn), ReportFacts.class);
    }

    /**
     * Stores the assessment, the facts it was made from ({@code facts}, null when not known; in a table of their
     * own) and who handed it in, in one transaction, and returns it with its new id.
     */
    @Transactional
    public Assessment save(Assessment assessment, Assessor.Drawn facts, String sourceSha256, String sourceText,
                           Submitter submitter) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment (source, source_sha256, source_text, agency, report_year, score, grade,
                                        ruleset_version, scorecard_version, assessment_json, created_at,
                                        submitted_by, private_link)
                VALUES (:source, :sha, :text, :agency, :year, :score, :grade, :ruleset, :scorecard, :json, :created,
                        :by, :link)
                """)
                .params(columns(assessment))
                .param("source", assessment.source())
                .param("sha", sourceSha256)
                .param("text", sourceText)
                .param("created", Timestamp.from(Instant.now()))
                .param("by", submitter.account())
                .param("link", submitter.privateLink())
                .update(key, "id");
        long id = key.getKey().longValue();
        if (facts != null) {
            // a private self-check is in no dry run: no outcome is kept for it
            keepFacts(id, assessment.source(), sourceSha256, facts, submitter.isPrivate() ? null : assessment);
        }
        return assessment.withId(id);
    }

    /**
     * Keeps the facts an assessment was made from; when it was made of them alone, its {@link Outcome} too ({@code made},
     * unless {@code null}), with the version of what made it and the findings it left out, so that a dry run need not
     * make it again.
     */
    private void keepFacts(long id, String source, String sourceSha256, Assessor.Drawn facts, Assessment made) {
        jdbc.sql("""
                INSERT INTO assessment_facts (assessment_id, source, source_sha256, extractor_version, facts_json)
                VALUES (:id, :source, :sha, :extractor, :facts)
                """)
                .param("id", id).param("source", source).param("sha", sourceSha256)
                .param("extractor", facts.extractorVersion())
                .param("facts", keptForm.writeValueAsString(facts.facts()))
                .update();
        if (facts.alone() && made != null) {
            keepOutcome(id, sourceSha256, facts.by(), facts.dismissed(), Outcome.of(made).named(source));
        }
    }

    /** Keeps what {@code by} made of an assessment's facts alone, leaving out {@code dismissed}. */
    private void keepOutcome(long id, String sourceSha256, Assessor by, java.util.Set<String> dismissed, Outcome made) {
        String outcome = json.writeValueAsString(made);
        String left = dismissedKey(dismissed);
        String version = by.version();
        if (outcome.length() <= 1_000_000 && left.length() <= 100_000 && version.length() <= 400) {
            // (one longer than its column is not kept: see V19)
            jdbc.sql("""
                    INSERT INTO assessment_outcome (assessment_id, made_by, source_sha256, dismissed, outcome_json)
                    VALUES (:id, :by, :sha, :dismissed, :outcome)
                    """)
                    .param("id", id).param("by", version).param("sha", sourceSha256)
                    .param("dismissed", left)
                    .param("outcome", outcome)
                    .update();
        }
    }

    /**
     * Facts drawn again from a stored report's text (kept by {@link #keepRedrawn}), and what the rules in force made of
     * them alone, leaving out the findings {@code dismissed}; {@code keptUnreadable} when the facts kept with it could
     * not be read at all (a damaged row), which are then replaced whatever version drew them.
     */
    public record Redrawn(long id, String sha256, ReportFacts facts, Outcome outcome, java.util.Set<String> dismissed,
                          boolean keptUnreadable) {
    }

    /**
     * Keeps facts the rules in force ({@code by}) drew again from stored reports in place of those kept with them by
     * another version of the extractor, with the outcome {@code by} made of them in place of the one kept before:
     * after an upgrade whose extractor reads reports otherwise, each stored report is read again once, not by every
     * dry run (nor every start) after it. Only what another version drew, or what cannot be read at all, is replaced
     * (facts this version drew meanwhile, the report assessed again, stay, with their outcome), and none is added where
     * none was kept. How many were kept.
     */
    @Transactional
    public int keepRedrawn(List<Redrawn> redrawn, Assessor by) {
        int kept = 0;
        for (Redrawn r : redrawn) {
            int updated = jdbc.sql("UPDATE assessment_facts SET extractor_version = :extractor, facts_json = :facts"
                            + " WHERE assessment_id = :id" + (r.keptUnreadable() ? "" : " AND extractor_version <> :extractor"))
                    .param("extractor", by.extractorVersion()).param("facts", keptForm.writeValueAsString(r.facts()))
                    .param("id", r.id())
                    .update();
            if (updated == 1) {
                jdbc.sql("DELETE FROM assessment_outcome WHERE assessment_id = :id").param("id", r.id()).update();
                keepOutcome(r.id(), r.sha256(), by, r.dismissed(), r.outcome());
            }
            kept += updated;
        }
        return kept;
    }

    /** Dismissed findings' fingerprints as kept beside an outcome: sorted, one per line. */
    static String dismissedKey(java.util.Set<String> dismissed) {
        return String.join("\n", new java.util.TreeSet<>(dismissed));
    }

    /**
     * The assessment exactly as stored, with its id first; without {@code facts} unless asked for. A private
     * self-check is not found by its id: only its link shows it.
     */
    public Optional<ObjectNode> find(long id, boolean withFacts) {
        return jdbc.sql("SELECT assessment_json FROM assessment WHERE id = :id AND private_link IS NULL")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(text -> asStored(id, text, withFacts));
    }

    /** A private self-check by its link, as {@link #find} gives it. */
    public Optional<ObjectNode> findPrivate(String link, boolean withFacts) {
        return byLink(link, (id, text) -> asStored(id, text, withFacts));
    }

    private <T> Optional<T> byLink(String link, java.util.function.BiFunction<Long, String, T> as) {
        return jdbc.sql("SELECT id, assessment_json FROM assessment WHERE private_link = :link")
                .param("link", link)
                .query((rs, n) -> as.apply(rs.getLong("id"), rs.getString("assessment_json")))
                .optional();
    }

    private ObjectNode asStored(long id, String text, boolean withFacts) {
        ObjectNode stored = (ObjectNode) json.readTree(text);
        ObjectNode result = json.createObjectNode();
        result.put("id", id);
        result.setAll(stored);
        if (!withFacts) {
            result.remove("facts");
        }
        return result;
    }

    /**
     * The latest assessment of each report stored for a year, best first — the better grade ({@code grades} from best
     * to worst), then the higher score (see {@link org.nianbao.scoring.Standing}): a ranking for the committee.
     * Private self-checks are never ranked, listed, exported or assessed again.
     */
    public List<Assessment> ranking(int year, List<String> grades) {
        List<Assessment> ranked = new java.util.ArrayList<>(ranking(year));
        ranked.sort(org.nianbao.scoring.Standing.order(grades, Assessment::grade, Assessment::score));
        return ranked;
    }

    /** The latest assessment of each report stored for a year, best score first. */
    public List<Assessment> ranking(int year) {
        return jdbc.sql("""
                SELECT id, assessment_json FROM assessment
                WHERE report_year = :year AND private_link IS NULL
                  AND id IN (SELECT MAX(id) FROM assessment WHERE private_link IS NULL GROUP BY source_sha256)
                ORDER BY score DESC, id
                """)
                .param("year", year)
                .query((rs, n) -> json.readValue(rs.getString("assessment_json"), Assessment.class).withId(rs.getLong("id")))
                .list();
    }

    /** What an assessment was made from: the source's hash and text as read, and the assessment as stored. */
    public record Source(long id, String source, String sha256, String text, Assessment assessment) {
    }

    /** The source of a stored (not private) assessment, to assess it again or show it. */
    public Optional<Source> source(long id) {
        return source("id = :key AND private_link IS NULL", id);
    }

    /** The source of a private self-check, by its link. */
    public Optional<Source> privateSource(String link) {
        return source("private_link = :key", link);
    }

    private Optional<Source> source(String where, Object key) {
        return jdbc.sql("SELECT id, source, source_sha256, source_text, assessment_json FROM assessment WHERE " + where)
                .param("key", key)
                .query((rs, n) -> new Source(rs.getLong("id"), rs.getString("source"), rs.getString("source_sha256"),
                        rs.getString("source_text"),
                        json.readValue(rs.getString("assessment_json"), Assessment.class).withId(rs.getLong("id"))))
                .optional();
    }

    /** A stored report's name and its text as read. */
    public record ReportText(String source, String text) {
    }

    /**
     * The text (as read) of the latest stored report of an agency, by its exact name, for a year; never a private one.
     * Ordered as its index is ({@code assessment_agency_year}), so that the database reads the newest first and stops.
     */
    public Optional<ReportText> latestReport(String agency, int year) {
        return jdbc.sql("""
                SELECT source, source_text FROM assessment
                WHERE agency = :agency AND report_year = :year AND private_link IS NULL
                ORDER BY agency DESC, report_year DESC, id DESC LIMIT 1
                """)
                .param("agency", agency).param("year", year)
                .query((rs, n) -> new ReportText(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /**
     * Replaces a stored assessment by the same report assessed again (a review, a re-score): same id, same source,
     * and the facts it was made from.
     */
    @Transactional
    public Assessment replace(long id, Assessment assessment, Assessor.Drawn facts) {
        jdbc.sql("""
                UPDATE assessment SET agency = :agency, report_year = :year, score = :score, grade = :grade,
                       ruleset_version = :ruleset, scorecard_version = :scorecard, assessment_json = :json
                WHERE id = :id
                """)
                .params(columns(assessment))
                .param("id", id)
                .update();
        var names = jdbc.sql("SELECT source, source_sha256 FROM assessment WHERE id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        jdbc.sql("DELETE FROM assessment_facts WHERE assessment_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM assessment_outcome WHERE assessment_id = :id").param("id", id).update();
        names.ifPresent(n -> keepFacts(id, n[0], n[1], facts, assessment));
        return assessment.withId(id);
    }

    /**
     * The facts an assessment was made from, the report's name and hash, the version of what drew them, the facts as
     * stored (whose {@linkplain #digest() digest}, another once the assessment is replaced by a re-score, knows what
     * was made of them again), and the outcome kept with them, if any. {@code facts} is null when they are kept in a
     * form this version does not read.
     */
    public record KeptFacts(long id, String source, String sha256, String extractorVersion, ReportFacts facts,
                            String stored, KeptOutcome kept, Outcome outcome) {

        /** A digest of the facts as stored, worked out when asked (a dry run that finds the outcome kept never asks). */
        public long digest() {
            return AssessmentStore.digest(stored);
        }

        /**
         * These facts as an extractor of {@code version} drew them again from the report ({@code again}): what the
         * store keeps next ({@link #keepRedrawn}); no outcome holds for them yet.
         */
        public KeptFacts drawnAgain(String version, ReportFacts again) {
            return new KeptFacts(id, source, sha256, version, again, null, null, null);
        }

        /**
         * Whether {@code assessor} would draw the same facts from the report: then they serve instead of reading it.
         * Facts kept in a form that cannot be read ({@code facts} null) never serve.
         */
        public boolean drawnAs(Assessor assessor) {
            return facts != null && assessor.extractorVersion().equals(extractorVersion);
        }

        /**
         * What {@code assessor} makes of these facts leaving out the findings {@code dismissed}, as kept with them
         * when the stored assessment was made so; {@code null} when it was made otherwise or by another version.
         */
        public Outcome outcomeOf(Assessor assessor, java.util.Set<String> dismissed) {
            return outcome != null && kept != null && kept.holdsFor(assessor, dismissed) ? outcome : null;
        }
    }

    /**
     * What an outcome is kept with: the version of what made it ({@link Assessor#version()}), the report's hash and the
     * findings it left out as dismissed ({@link #dismissedKey}).
     */
    public record KeptOutcome(String madeBy, String sha256, String dismissed) {

        /** Whether the outcome is what {@code assessor} makes of the facts leaving out {@code dismissedNow}. */
        public boolean holdsFor(Assessor assessor, java.util.Set<String> dismissedNow) {
            return assessor.version().equals(madeBy) && dismissedKey(dismissedNow).equals(dismissed);
        }
    }

    /**
     * The facts kept with each of these assessments, by id; an assessment stored before facts were kept is missing
     * from the map, and one whose facts are kept in a form this version does not read has them {@code null} and serve
     * no assessor (its report is read again instead, and what it gives kept in their place).
     */
    public Map<Long, KeptFacts> keptFacts(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, KeptFacts> kept = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT f.assessment_id, f.source, f.source_sha256, f.extractor_version, f.facts_json,
                       o.made_by AS outcome_by, o.dismissed AS outcome_dismissed, o.outcome_json
                FROM assessment_facts f LEFT JOIN assessment_outcome o ON o.assessment_id = f.assessment_id
                WHERE f.assessment_id IN (:ids)
                """)
                .param("ids", ids)
                .query(rs -> {
                    long id = rs.getLong("assessment_id");
                    String sha = rs.getString("source_sha256");
                    String stored = rs.getString("facts_json");
                    ReportFacts facts;
                    try {
                        facts = keptForm.readValue(stored, ReportFacts.class);
                    } catch (tools.jackson.core.JacksonException e) {
                        // facts kept in an earlier form: none to use, the report is read again (and what is drawn
                        // from it kept in their place, as for facts another version of the extractor drew)
                        kept.put(id, new KeptFacts(id, rs.getString("source"), sha, rs.getString("extractor_version"),
                                null, stored, null, null));
                        return;
                    }
                    String outcome = rs.getString("outcome_json");
                    KeptOutcome keptOutcome = outcome == null ? null
                            : new KeptOutcome(rs.getString("outcome_by"), sha, rs.getString("outcome_dismissed"));
                    kept.put(id, new KeptFacts(id, rs.getString("source"), sha, rs.getString("extractor_version"),
                            facts, stored, keptOutcome, outcome(outcome)));
                });
        return kept;
    }

    /** Of these assessments, those whose outcome is kept as made by {@code version}: how each is kept, by id; no facts read. */
    public Map<Long, KeptOutcome> outcomesBy(String version, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, KeptOutcome> kept = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT assessment_id, made_by, source_sha256, dismissed FROM assessment_outcome
                WHERE assessment_id IN (:ids) AND made_by = :version
                """)
                .param("ids", ids).param("version", version)
                .query(rs -> {
                    kept.put(rs.getLong(1), new KeptOutcome(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return kept;
    }

    /** An outcome as kept; {@code null} when none is, or it is of an earlier shape. */
    private Outcome outcome(String kept) {
        if (kept == null) {
            return null;
        }
        try {
            return json.readValue(kept, Outcome.class);
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    /** A 64-bit FNV-1a digest of a text's characters. */
    static long digest(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * Deletes the private self-checks stored before {@code before}, a few hundred rows per statement so that no
     * transaction grows large; returns how many. Nothing an account handed in is touched.
     */
    public int deletePrivateBefore(Instant before) {
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    DELETE FROM assessment WHERE id IN (
                        SELECT id FROM assessment WHERE private_link IS NOT NULL AND created_at < :before ORDER BY id LIMIT 500)
                    """)
                    .param("before", Timestamp.from(before))
                    .update();
            deleted += batch;
        } while (batch > 0);
        return deleted;
    }

    /** The SHA-256 of the report of each of these assessments, by id. */
    public Map<Long, String> sha256Of(java.util.Collection<Long> ids) {
        Map<Long, String> shas = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, source_sha256 FROM assessment WHERE id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        shas.put(rs.getLong("id"), rs.getString("source_sha256"));
                    });
        }
        return shas;
    }

    /**
     * The latest year stored reports (not private) are of, if any. Read from an index alone
     * ({@code assessment_year_latest}): written 「private_link IS NULL」, the condition leads H2 to the index of private
     * links and then to every stored row (3.4 s over 5,000 stored reports on a service just started, against 0.06 s).
     */
    public java.util.Optional<Integer> latestYear() {
        return jdbc.sql("""
                SELECT MAX(report_year) FROM assessment
                WHERE report_year IS NOT NULL AND CASE WHEN private_link IS NULL THEN 1 ELSE 0 END = 1
                """)
                .query(Integer.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Sources {@link #latestOf} looks up at a time. */
    private static final int SHAS_PER_QUERY = 100;

    /**
     * The latest assessment of each source stored for a year (not private), oldest first: the ids. Read from indexes
     * alone ({@code assessment_year_latest}, {@code assessment_sha_latest}), no stored assessment is read: the year's
     * reports, then whether the same bytes were stored again later (under another year).
     */
    public List<Long> latestOf(int year) {
        Map<String, Long> latest = new java.util.HashMap<>();
        jdbc.sql("SELECT id, source_sha256, private_link FROM assessment WHERE report_year = :year")
                .param("year", year)
                .query(rs -> {
                    if (rs.getString(3) == null) {
                        latest.merge(rs.getString(2), rs.getLong(1), Math::max);
                    }
                });
        List<String> shas = new ArrayList<>(latest.keySet());
        // a hundred a query: H2 checks each row the index finds against the whole list again, one by one, so 500 a
        // query took 140-200 ms over 4,000 reports and 100 takes 45 ms
        for (int from = 0; from < shas.size(); from += SHAS_PER_QUERY) {
            jdbc.sql("SELECT source_sha256, id, private_link FROM assessment WHERE source_sha256 IN (:shas)")
                    .param("shas", shas.subList(from, Math.min(shas.size(), from + SHAS_PER_QUERY)))
                    .query(rs -> {
                        String sha = rs.getString(1);
                        if (rs.getString(3) == null && rs.getLong(2) > latest.getOrDefault(sha, Long.MAX_VALUE)) {
                            latest.remove(sha); // stored again later: counted where it was stored last
                        }
                    });
        }
        return latest.values().stream().sorted().toList();
    }

    /** The columns an assessment fills, by parameter name: what it says of the report, its score, itself. */
    private Map<String, Object> columns(Assessment a) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("agency", a.report().agency());
        columns.put("year", a.report().year());
        columns.put("score", a.score());
        columns.put("grade", a.grade());
        columns.put("ruleset", a.ruleset().version());
        columns.put("scorecard", a.ruleset().scorecard());
        columns.put("json", json.writeValueAsString(a.withId(null)));
        return columns;
    }

    /** A stored report: its text as read, and what its submitter told about it. */
    public record StoredReport(long id, String source, String text, String publishedOn, String publishedOnSource,
                               String agency, String level) {
    }

    /** The stored reports of these assessments (in no particular order), to read and assess them again. */
    public List<StoredReport> reports(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, source, source_text, assessment_json FROM assessment WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> {
                    var report = json.readTree(rs.getString("assessment_json")).get("report");
                    return new StoredReport(rs.getLong("id"), rs.getString("source"), rs.getString("source_text"),
                            report.get("publishedOn").isNull() ? null : report.get("publishedOn").asString(),
                            report.get("publishedOnSource").asString(),
                            report.get("agency").isNull() ? null : report.get("agency").asString(),
                            report.get("level").asString());
                })
                .list();
    }

    public List<Summary> list(Integer year, String agency) {
        return jdbc.sql("""
                SELECT id, source, agency, report_year, score, grade, ruleset_version, scorecard_version, created_at
                FROM assessment
                WHERE private_link IS NULL AND (CAST(:year AS INT) IS NULL OR report_year = :year)
                  AND (CAST(:agency AS VARCHAR) IS NULL OR agency LIKE '%' || :agency || '%')
                ORDER BY id
                """)
                .param("year", year)
                .param("agency", agency)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("source"), rs.getString("agency"),
                        (Integer) rs.getObject("report_year"), rs.getDouble("score"), rs.getString("grade"),
                        rs.getString("ruleset_version"), rs.getString("scorecard_version"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
