package org.nianbao.rounds;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rounds, the agencies they expect, their jobs and what was handed in, as the database keeps them. */
@Repository
public class RoundStore {

    /**
     * A round as stored: what it evaluates, the rules and scorecard frozen for it, and whether dismissing an error
     * takes a second reviewer.
     */
    public record Round(long id, String name, int year, String region, String scorecardId, String rulesetVersion,
                        String scorecardVersion, String createdBy, Instant createdAt, boolean secondReviewer) {
    }

    /** An agency a round expects, with the address of its report when the list gives one. */
    public record Expected(long agencyId, String name, String level, String group, List<String> aliases, String reportUrl) {
    }

    /**
     * One report handed in to a round: its agency (null: unmatched), its assessment or its error, and the address it
     * was collected from (null: uploaded).
     */
    public record Submission(long id, String source, Long agencyId, String namedAgency, Long assessmentId, String error,
                             Instant createdAt, String url) {
    }

    /** A job's progress. */
    public record JobState(long id, long roundId, int total, int done, int failed) {
        public String state() {
            return done + failed >= total ? "done" : done + failed == 0 ? "queued" : "running";
        }
    }

    /** An item waiting to be assessed (or, with a {@code url} and no content yet, to be collected first). */
    public record PendingItem(long id, long jobId, long roundId, String source, byte[] content, String agencyName,
                              LocalDate publishedOn, String submittedBy, Long assessmentId, String url) {
    }

    /** A change of a round's rules or scorecard: the versions it moved to, why, who and when. */
    public record Change(long id, String rulesetVersion, String scorecardVersion, String reason, String changedBy,
                         Instant changedAt) {
    }

    private final JdbcClient jdbc;

    public RoundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String name, int year, String region, String scorecardId, String rulesetVersion,
                       String scorecardVersion, String filesJson, String by, boolean secondReviewer) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_round (name, report_year, region, scorecard_id, ruleset_version, scorecard_version,
                                              files_json, created_by, created_at, second_reviewer)
                VALUES (:name, :year, :region, :scorecard, :ruleset, :scorecardVersion, :files, :by, :at, :second)
                """)
                .param("name", name).param("year", year).param("region", region).param("scorecard", scorecardId)
                .param("ruleset", rulesetVersion).param("scorecardVersion", scorecardVersion).param("files", filesJson)
                .param("by", by).param("at", Timestamp.from(Instant.now())).param("second", secondReviewer)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static final String ROUND_COLUMNS =
            "id, name, report_year, region, scorecard_id, ruleset_version, scorecard_version, created_by, created_at, "
            + "second_reviewer";

    public Optional<Round> find(long id) {
        return jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM evaluation_round WHERE id = :id").param("id", id)
                .query(RoundStore::round).optional();
    }

    public List<Round> list() {
        return jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM evaluation_round ORDER BY id").query(RoundStore::round).list();
    }

    /** The files of the ruleset frozen for a round. */
    public String filesJson(long roundId) {
        return jdbc.sql("SELECT files_json FROM evaluation_round WHERE id = :id").param("id", roundId)
                .query(String.class).single();
    }

    private static Round round(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Round(rs.getLong("id"), rs.getString("name"), rs.getInt("report_year"), rs.getString("region"),
                rs.getString("scorecard_id"), rs.getString("ruleset_version"), rs.getString("scorecard_version"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("second_reviewer"));
    }

    /**
     * Sets the agencies a round expects: each agency keeps its identity (found by its full name, or created), and
     * its level, group and aliases in this round are replaced by the list's.
     */
    @Transactional
    public int expect(long roundId, List<AgencyList.Entry> entries) {
        for (AgencyList.Entry e : entries) {
            long agencyId = jdbc.sql("SELECT id FROM agency WHERE name = :name").param("name", e.name())
                    .query(Long.class).optional()
                    .orElseGet(() -> {
                        GeneratedKeyHolder key = new GeneratedKeyHolder();
                        jdbc.sql("INSERT INTO agency (name, created_at) VALUES (:name, :at)")
                                .param("name", e.name()).param("at", Timestamp.from(Instant.now())).update(key, "id");
                        return key.getKey().longValue();
                    });
            jdbc.sql("DELETE FROM round_agency WHERE round_id = :round AND agency_id = :agency")
                    .param("round", roundId).param("agency", agencyId).update();
            jdbc.sql("""
                    INSERT INTO round_agency (round_id, agency_id, level, group_name, aliases, report_url)
                    VALUES (:round, :agency, :level, :group, :aliases, :url)
                    """)
                    .param("round", roundId).param("agency", agencyId).param("level", e.level())
                    .param("group", e.group()).param("aliases", String.join(";", e.aliases())).param("url", e.url())
                    .update();
        }
        forgetExpected(roundId);
        return entries.size();
    }

    /**
     * As {@link #expected}, read again at most every {@link #EXPECTED_FRESH} — and at once after this instance
     * changed the list — for matching each report of a round to its agency: a province's list has thousands of
     * agencies, and a round thousands of reports. A list another instance changed is seen here within that time.
     */
    public List<Expected> expectedRecently(long roundId) {
        Instant now = Instant.now();
        expectedKnown.values().removeIf(k -> k.readAt().isBefore(now.minus(EXPECTED_FRESH)));
        KnownExpected known = expectedKnown.get(roundId);
        if (known == null || known.readAt().isBefore(now.minus(EXPECTED_FRESH))) {
            known = new KnownExpected(now, expected(roundId));
            expectedKnown.put(roundId, known);
        }
        return known.expected();
    }

    /** How long {@link #expectedRecently} keeps a round's list before reading it again. */
    static final java.time.Duration EXPECTED_FRESH = java.time.Duration.ofSeconds(10);

    private record KnownExpected(Instant readAt, List<Expected> expected) {
    }

    private final java.util.Map<Long, KnownExpected> expectedKnown = new java.util.concurrent.ConcurrentHashMap<>();

    /** The round's list is read again once the change being made is committed (at once, outside a transaction). */
    private void forgetExpected(long roundId) {
        expectedKnown.remove(roundId);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            expectedKnown.remove(roundId);
                        }
                    });
        }
    }

    public List<Expected> expected(long roundId) {
        return jdbc.sql("""
                SELECT a.id, a.name, ra.level, ra.group_name, ra.aliases, ra.report_url
                FROM round_agency ra JOIN agency a ON a.id = ra.agency_id
                WHERE ra.round_id = :round ORDER BY a.id
                """)
                .param("round", roundId)
                .query((rs, n) -> new Expected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null || rs.getString(5).isEmpty() ? List.of() : Arrays.asList(rs.getString(5).split(";")),
                        rs.getString(6)))
                .list();
    }

    // ---- jobs --------------------------------------------------------------------------------------

    /**
     * Records a job and its items (each with its content). Each item is written in its own short transaction, so
     * that a large archive never makes one large write; the job is 'receiving' meanwhile (its items are not claimed)
     * and becomes 'ready' with the last one. Should anything fail on the way, what was written is removed and the
     * failure thrown; a job a stop cut off is removed by {@link #removeUnfinishedJobs}.
     */
    public long createJob(long roundId, String by, List<JobInput> items) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO job (round_id, submitted_by, created_at, state) VALUES (:round, :by, :at, 'receiving')")
                .param("round", roundId).param("by", by).param("at", Timestamp.from(Instant.now())).update(key, "id");
        long jobId = key.getKey().longValue();
        try {
            for (JobInput item : items) {
                GeneratedKeyHolder itemKey = new GeneratedKeyHolder();
                boolean waiting = item.error() == null;
                jdbc.sql("""
                        INSERT INTO job_item (job_id, source, agency_name, published_on, state, error, url)
                        VALUES (:job, :source, :agency, :published, :state, :error, :url)
                        """)
                        .param("job", jobId).param("source", item.source())
                        .param("url", item.url())
                        .param("agency", item.agencyName()).param("published", item.publishedOn())
                        .param("state", waiting ? "pending" : "failed").param("error", item.error())
                        .update(itemKey, "id");
                if (waiting && item.content() != null) {
                    jdbc.sql("INSERT INTO job_item_content (item_id, content) VALUES (:item, :content)")
                            .param("item", itemKey.getKey().longValue()).param("content", item.content()).update();
                }
            }
            jdbc.sql("UPDATE job SET state = 'ready' WHERE id = :id").param("id", jobId).update();
        } catch (RuntimeException e) {
            removeJob(jobId);
            throw e;
        }
        return jobId;
    }

    /** Removes jobs still 'receiving' that were started before {@code before}: never acknowledged, cut off by a stop. */
    public int removeUnfinishedJobs(Instant before) {
        List<Long> cutOff = jdbc.sql("SELECT id FROM job WHERE state = 'receiving' AND created_at < :before")
                .param("before", Timestamp.from(before)).query(Long.class).list();
        cutOff.forEach(this::removeJob);
        return cutOff.size();
    }

    private void removeJob(long jobId) {
        jdbc.sql("DELETE FROM job_item_content WHERE item_id IN (SELECT id FROM job_item WHERE job_id = :id)")
                .param("id", jobId).update();
        jdbc.sql("DELETE FROM job_item WHERE job_id = :id").param("id", jobId).update();
        jdbc.sql("DELETE FROM job WHERE id = :id").param("id", jobId).update();
    }

    /**
     * One report of a submission: its name and content, what a manifest said of it, or why it cannot be read; or, to
     * be collected, the address to fetch it from (and no content).
     */
    public record JobInput(String source, byte[] content, String agencyName, LocalDate publishedOn, String error,
                           String url) {
        public JobInput(String source, byte[] content, String agencyName, LocalDate publishedOn, String error) {
            this(source, content, agencyName, publishedOn, error, null);
        }
    }

    public Optional<JobState> job(long id) {
        return jdbc.sql("""
                SELECT j.id, j.round_id,
                       (SELECT COUNT(*) FROM job_item i WHERE i.job_id = j.id),
                       (SELECT COUNT(*) FROM job_item i WHERE i.job_id = j.id AND i.state = 'done'),
                       (SELECT COUNT(*) FROM job_item i WHERE i.job_id = j.id AND i.state = 'failed')
                FROM job j WHERE j.id = :id AND j.state = 'ready'
                """)
                .param("id", id)
                .query((rs, n) -> new JobState(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    /**
     * Claims up to {@code n} items waiting to be assessed, oldest first, for {@code instance} until {@code until}:
     * items no instance holds, or whose holder's lease has run out. Rows another instance is claiming at the same
     * moment are skipped, so no two instances get the same item.
     */
    @Transactional
    public List<Long> claim(String instance, int n, Instant until) {
        Timestamp now = Timestamp.from(Instant.now());
        // the next waiting items, read in the order of the index of waiting items and a few more than asked for
        // (another instance may be claiming some), leaving out the jobs still being received
        List<Long> receiving = jdbc.sql("SELECT id FROM job WHERE state <> 'ready'").query(Long.class).list();
        List<Long> next = jdbc.sql("""
                SELECT id FROM job_item
                WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < :now)%s
                ORDER BY state, id LIMIT :k
                """.formatted(receiving.isEmpty() ? "" : " AND job_id NOT IN (:receiving)"))
                .param("now", now).param("k", 2 * n).param("receiving", receiving.isEmpty() ? List.of(0L) : receiving)
                .query(Long.class).list();
        if (next.isEmpty()) {
            return List.of();
        }
        // then each of them locked and checked again: what another instance claimed meanwhile is skipped
        List<Long> ids = jdbc.sql("""
                SELECT id FROM job_item
                WHERE id IN (:next) AND state = 'pending' AND (lease_until IS NULL OR lease_until < :now)
                  AND job_id IN (SELECT id FROM job WHERE state = 'ready')
                ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED
                """)
                .param("next", next).param("now", now).param("n", n)
                .query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE job_item SET claimed_by = :me, lease_until = :until WHERE id IN (:ids)")
                    .param("me", instance).param("until", Timestamp.from(until)).param("ids", ids).update();
        }
        return ids;
    }

    /** Extends the lease of the items {@code instance} is still assessing. */
    public int renew(String instance, java.util.Collection<Long> ids, Instant until) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE job_item SET lease_until = :until
                WHERE id IN (:ids) AND claimed_by = :me AND state = 'pending'
                """)
                .param("until", Timestamp.from(until)).param("ids", ids).param("me", instance).update();
    }

    /** Hands back every item {@code instance} holds and has not finished, for any instance to take at once. */
    public int release(String instance) {
        return jdbc.sql("""
                UPDATE job_item SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = :me AND state = 'pending'
                """)
                .param("me", instance).update();
    }

    /** How many items wait to be assessed, across all jobs. */
    public long queueDepth() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM job_item WHERE state = 'pending' AND job_id IN (SELECT id FROM job WHERE state = 'ready')
                """).query(Long.class).single();
    }

    public Optional<PendingItem> pendingItem(long itemId) {
        return jdbc.sql("""
                SELECT i.id, i.job_id, j.round_id, i.source, c.content, i.agency_name, i.published_on, j.submitted_by,
                       i.assessment_id, i.url
                FROM job_item i JOIN job j ON j.id = i.job_id LEFT JOIN job_item_content c ON c.item_id = i.id
                WHERE i.id = :id AND i.state = 'pending'
                """)
                .param("id", itemId)
                .query((rs, n) -> new PendingItem(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getBytes(5), rs.getString(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getString(8), (Long) rs.getObject(9),
                        rs.getString(10)))
                .optional();
    }

    /** A re-score's item done (or failed, with its reason), if {@code instance} still holds it. */
    public void finishRescore(PendingItem item, String error, String instance) {
        close(item, error, instance);
    }

    /**
     * Marks an item done (or failed), keeping no content, provided {@code instance} still holds its claim; else
     * {@link ClaimLost} is thrown and the caller's transaction, with whatever it stored for the item, rolls back.
     */
    private void close(PendingItem item, String error, String instance) {
        int closed = jdbc.sql("""
                UPDATE job_item SET state = :state, error = :error, lease_until = NULL
                WHERE id = :id AND state = 'pending' AND claimed_by = :me
                """)
                .param("state", error == null ? "done" : "failed").param("error", error).param("id", item.id())
                .param("me", instance).update();
        if (closed != 1) {
            throw new ClaimLost(item.id());
        }
        jdbc.sql("DELETE FROM job_item_content WHERE item_id = :id").param("id", item.id()).update();
    }

    /** An item whose claim ran out and that another instance took (or finished) meanwhile. */
    public static final class ClaimLost extends RuntimeException {
        public ClaimLost(long itemId) {
            super("job item " + itemId + " is no longer held by this instance");
        }
    }

    /**
     * Moves a round to other rules or another scorecard, records the change, and queues every assessment of the
     * round to be assessed again; all in one step.
     */
    @Transactional
    public long rescore(long roundId, String scorecardId, String rulesetVersion, String scorecardVersion, String filesJson,
                        String reason, String by) {
        jdbc.sql("""
                UPDATE evaluation_round SET scorecard_id = :scorecard, ruleset_version = :ruleset,
                       scorecard_version = :scorecardVersion, files_json = :files WHERE id = :id
                """)
                .param("scorecard", scorecardId).param("ruleset", rulesetVersion).param("scorecardVersion", scorecardVersion)
                .param("files", filesJson).param("id", roundId).update();
        jdbc.sql("""
                INSERT INTO round_change (round_id, ruleset_version, scorecard_version, reason, changed_by, changed_at)
                VALUES (:round, :ruleset, :scorecard, :reason, :by, :at)
                """)
                .param("round", roundId).param("ruleset", rulesetVersion).param("scorecard", scorecardVersion)
                .param("reason", reason).param("by", by).param("at", Timestamp.from(Instant.now())).update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO job (round_id, submitted_by, created_at) VALUES (:round, :by, :at)")
                .param("round", roundId).param("by", by).param("at", Timestamp.from(Instant.now())).update(key, "id");
        long jobId = key.getKey().longValue();
        jdbc.sql("""
                INSERT INTO job_item (job_id, source, state, assessment_id)
                SELECT :job, s.source, 'pending', s.assessment_id FROM round_submission s
                WHERE s.round_id = :round AND s.assessment_id IS NOT NULL ORDER BY s.id
                """)
                .param("job", jobId).param("round", roundId).update();
        return jobId;
    }

    /**
     * Queues some of a round's assessments to be assessed again with the round's rules (a new job of re-score items),
     * e.g. those a new report of the round turned out to be alike: so that what the pair rules say of the two is on
     * both, whichever came in first.
     */
    @Transactional
    public void queueReassessment(long roundId, java.util.Collection<Long> assessmentIds, String by) {
        if (assessmentIds.isEmpty()) {
            return;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO job (round_id, submitted_by, created_at) VALUES (:round, :by, :at)")
                .param("round", roundId).param("by", by).param("at", Timestamp.from(Instant.now())).update(key, "id");
        long jobId = key.getKey().longValue();
        for (long id : assessmentIds) {
            jdbc.sql("""
                    INSERT INTO job_item (job_id, source, state, assessment_id)
                    SELECT :job, s.source, 'pending', s.assessment_id FROM round_submission s
                    WHERE s.round_id = :round AND s.assessment_id = :assessment
                      AND s.id = (SELECT MAX(t.id) FROM round_submission t WHERE t.assessment_id = :assessment)
                    """)
                    .param("job", jobId).param("round", roundId).param("assessment", id).update();
        }
    }

    public List<Change> changes(long roundId) {
        return jdbc.sql("""
                SELECT id, ruleset_version, scorecard_version, reason, changed_by, changed_at FROM round_change
                WHERE round_id = :round ORDER BY id
                """)
                .param("round", roundId)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Closes a job item with what came of it: the agency it was matched to (or none), its assessment, or its error;
     * {@code note} says why a scored report was left unmatched (kept where the error would be, the item done). Done
     * only if {@code instance} still holds the item; its content is then no longer kept.
     */
    @Transactional
    public void finish(PendingItem item, Long agencyId, String namedAgency, Long assessmentId, String error, String note,
                       String sectionFive, LocalDate publishedOn, String instance) {
        close(item, error, instance);
        jdbc.sql("""
                INSERT INTO round_submission (round_id, job_item_id, source, agency_id, named_agency, assessment_id, error,
                                              created_at, section_five, published_on, url)
                VALUES (:round, :item, :source, :agency, :named, :assessment, :error, :at, :five, :published, :url)
                """)
                .param("round", item.roundId()).param("item", item.id()).param("source", item.source())
                .param("url", item.url())
                .param("agency", agencyId).param("named", namedAgency).param("assessment", assessmentId)
                .param("error", error != null ? error : note).param("at", Timestamp.from(Instant.now()))
                .param("five", sectionFive)
                .param("published", publishedOn == null ? null : java.sql.Date.valueOf(publishedOn))
                .update();
    }

    // ---- submissions -------------------------------------------------------------------------------

    public List<Submission> submissions(long roundId) {
        return jdbc.sql("""
                SELECT id, source, agency_id, named_agency, assessment_id, error, created_at, url
                FROM round_submission WHERE round_id = :round ORDER BY id
                """)
                .param("round", roundId)
                .query((rs, n) -> new Submission(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /** The latest report of an agency for a year, in whichever round it was handed in. */
    public Optional<org.nianbao.store.AssessmentStore.ReportText> reportOf(long agencyId, int year) {
        // round by round (a year has few), each looked up by the index of a round's agencies in the order stored
        long latest = 0;
        org.nianbao.store.AssessmentStore.ReportText found = null;
        for (long round : jdbc.sql("SELECT id FROM evaluation_round WHERE report_year = :year").param("year", year)
                .query(Long.class).list()) {
            var last = jdbc.sql("""
                    SELECT s.id, a.source, a.source_text FROM round_submission s
                    JOIN assessment a ON a.id = s.assessment_id
                    WHERE s.round_id = :round AND s.agency_id = :agency
                    ORDER BY s.round_id DESC, s.agency_id DESC, s.id DESC LIMIT 1
                    """)
                    .param("round", round).param("agency", agencyId)
                    .query((rs, n) -> java.util.Map.entry(rs.getLong(1),
                            new org.nianbao.store.AssessmentStore.ReportText(rs.getString(2), rs.getString(3))))
                    .optional();
            if (last.isPresent() && last.get().getKey() > latest) {
                latest = last.get().getKey();
                found = last.get().getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** An expected agency's section 五 (its latest report's), for comparing the round's reports with one another. */
    public record SectionFive(long agencyId, String agency, String text, long assessmentId, LocalDate publishedOn) {
    }

    /**
     * The section 五 of every agency of the round but {@code except} (null: none left out), from its latest report.
     *
     * <p>Every report of a round is compared with all the others, so this is asked once per report: the latest
     * submission of each agency is kept per round as this instance has read it, and each call reads only the
     * submissions stored since (and the last {@value #FIVES_REREAD} before them again, for a transaction that took its
     * number earlier and committed later). All of the round is read afresh every {@link #FIVES_FRESH} and after a
     * submission is assigned to another agency here, so that what another instance changed is seen within that time.
     */
    public List<SectionFive> sectionFives(long roundId, Long except) {
        Instant now = Instant.now();
        // what is kept of rounds no report was compared with for a while is let go (it would be read afresh anyway)
        fives.values().removeIf(k -> k.readAt != null && k.readAt.isBefore(now.minus(FIVES_FRESH.multipliedBy(2))));
        KnownFives known = fives.computeIfAbsent(roundId, id -> new KnownFives());
        synchronized (known) {
            if (known.readAt == null || known.readAt.isBefore(now.minus(FIVES_FRESH))) {
                known.latest.clear();
                known.seen = 0;
                known.readAt = now;
            }
            List<Latest> read = jdbc.sql("""
                    SELECT s.id, s.agency_id, a.name, s.section_five, s.assessment_id, s.published_on
                    FROM round_submission s JOIN agency a ON a.id = s.agency_id
                    WHERE s.round_id = :round AND s.id > :after AND s.assessment_id IS NOT NULL
                    ORDER BY s.id
                    """)
                    .param("round", roundId).param("after", Math.max(0, known.seen - FIVES_REREAD))
                    .query((rs, n) -> new Latest(rs.getLong(1), new SectionFive(rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate())))
                    .list();
            for (Latest l : read) { // in the order stored: an agency's later submission replaces its earlier one
                known.latest.merge(l.five().agencyId(), l,
                        (was, later) -> later.submissionId() >= was.submissionId() ? later : was);
                known.seen = Math.max(known.seen, l.submissionId());
            }
            return known.latest.values().stream().map(Latest::five)
                    .filter(f -> f.text() != null && (except == null || f.agencyId() != except))
                    .sorted(java.util.Comparator.comparingLong(SectionFive::agencyId))
                    .toList();
        }
    }

    /** How long what {@link #sectionFives} read of a round is kept before all of it is read again. */
    static final java.time.Duration FIVES_FRESH = java.time.Duration.ofSeconds(30);
    /** How many submissions before the last one read {@link #sectionFives} reads again each time. */
    static final int FIVES_REREAD = 256;

    private final java.util.Map<Long, KnownFives> fives = new java.util.concurrent.ConcurrentHashMap<>();

    /** A round's latest submission per agency, as far as this instance has read them, and up to which one. */
    private static final class KnownFives {
        private final java.util.Map<Long, Latest> latest = new java.util.HashMap<>();
        private long seen;
        private volatile Instant readAt;
    }

    private record Latest(long submissionId, SectionFive five) {
    }

    /** The round and agency an assessment was handed in for, if it was handed in to a round. */
    public record Placement(long roundId, Long agencyId, LocalDate publishedOn) {
    }

    public Optional<Placement> placementOf(long assessmentId) {
        return jdbc.sql("""
                SELECT s.round_id, s.agency_id, i.published_on FROM round_submission s
                LEFT JOIN job_item i ON i.id = s.job_item_id
                WHERE s.assessment_id = :id ORDER BY s.id DESC LIMIT 1
                """)
                .param("id", assessmentId)
                .query((rs, n) -> new Placement(rs.getLong(1), (Long) rs.getObject(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .optional();
    }

    /** Assigns an unmatched (or wrongly matched) submission to an expected agency. */
    public boolean assign(long roundId, long submissionId, long agencyId) {
        boolean assigned = jdbc.sql("UPDATE round_submission SET agency_id = :agency WHERE id = :id AND round_id = :round")
                .param("agency", agencyId).param("id", submissionId).param("round", roundId).update() == 1;
        fives.remove(roundId); // read afresh: the submission now counts for another agency
        return assigned;
    }

    // ---- collected from the web ----------------------------------------------------------------------

    /** A document fetched for a job item: the address asked, where it came from, when, its status, type and hash. */
    public record Capture(long id, long roundId, Long jobItemId, String address, String url, String role,
                          Instant fetchedAt, int httpStatus, String mediaType, String sha256) {
    }

    private static final String CAPTURE_COLUMNS =
            "id, round_id, job_item_id, address, url, role, fetched_at, http_status, media_type, sha256";

    /** Keeps a fetched document as it was fetched: the committee's evidence of what the address gave, and when. */
    public long saveCapture(long roundId, Long jobItemId, String address, String url, String role, Instant at, int status,
                            String mediaType, String sha256, byte[] content) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO web_capture (round_id, job_item_id, address, url, role, fetched_at, http_status, media_type,
                                         sha256, content)
                VALUES (:round, :item, :address, :url, :role, :at, :status, :type, :sha, :content)
                """)
                .param("round", roundId).param("item", jobItemId).param("address", cut(address)).param("url", cut(url))
                .param("role", role).param("at", Timestamp.from(at)).param("status", status)
                .param("type", mediaType == null ? null : mediaType.length() > 200 ? mediaType.substring(0, 200) : mediaType)
                .param("sha", sha256).param("content", content)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static String cut(String url) {
        return url == null || url.length() <= 2000 ? url : url.substring(0, 2000);
    }

    /** The documents fetched for a round's job items, oldest first, by job item id. */
    public java.util.Map<Long, List<Capture>> captures(long roundId) {
        java.util.Map<Long, List<Capture>> byItem = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT " + CAPTURE_COLUMNS + " FROM web_capture WHERE round_id = :round ORDER BY id")
                .param("round", roundId).query(RoundStore::capture).list()
                .forEach(c -> byItem.computeIfAbsent(c.jobItemId(), k -> new java.util.ArrayList<>()).add(c));
        return byItem;
    }

    /** A kept document of a round, and its bytes. */
    public Optional<java.util.Map.Entry<Capture, byte[]>> capture(long roundId, long captureId) {
        return jdbc.sql("SELECT " + CAPTURE_COLUMNS + ", content FROM web_capture WHERE round_id = :round AND id = :id")
                .param("round", roundId).param("id", captureId)
                .query((rs, n) -> java.util.Map.entry(capture(rs, n), rs.getBytes("content"))).optional();
    }

    private static Capture capture(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Capture(rs.getLong("id"), rs.getLong("round_id"), (Long) rs.getObject("job_item_id"),
                rs.getString("address"), rs.getString("url"), rs.getString("role"), rs.getTimestamp("fetched_at").toInstant(),
                rs.getInt("http_status"), rs.getString("media_type"), rs.getString("sha256"));
    }

    /** The job item each submission of a round came from, by submission id. */
    public java.util.Map<Long, Long> jobItems(long roundId) {
        java.util.Map<Long, Long> items = new java.util.HashMap<>();
        jdbc.sql("SELECT id, job_item_id FROM round_submission WHERE round_id = :round AND job_item_id IS NOT NULL")
                .param("round", roundId).query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> items.put(e.getKey(), e.getValue()));
        return items;
    }

    // ---- a job's items, for the page that follows it --------------------------------------------------

    /** An item of a job as its page lists it once done: its name, state, and why it failed. */
    public record ItemState(long id, String source, String state, String error, String url) {
    }

    public List<ItemState> items(long jobId) {
        return jdbc.sql("SELECT id, source, state, error, url FROM job_item WHERE job_id = :job ORDER BY id")
                .param("job", jobId)
                .query((rs, n) -> new ItemState(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    // ---- last year ------------------------------------------------------------------------------------

    /** An agency's latest scored report of a year, in any round: its assessment, score and grade. */
    public record Earlier(long agencyId, long assessmentId, double score, String grade) {
    }

    /** The latest scored report of the year before for each agency this round expects, by agency id. */
    public java.util.Map<Long, Earlier> lastYear(long roundId, int year) {
        java.util.Map<Long, Earlier> latest = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT s.agency_id, s.assessment_id, a.score, a.grade FROM round_submission s
                JOIN evaluation_round r ON r.id = s.round_id
                JOIN assessment a ON a.id = s.assessment_id
                WHERE r.report_year = :year AND s.agency_id IN (SELECT agency_id FROM round_agency WHERE round_id = :round)
                ORDER BY s.id
                """)
                .param("year", year - 1).param("round", roundId)
                .query((rs, n) -> new Earlier(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4))).list()
                .forEach(e -> latest.put(e.agencyId(), e)); // in id order: the last one wins
        return latest;
    }
}
