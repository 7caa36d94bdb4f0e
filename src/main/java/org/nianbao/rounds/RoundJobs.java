package org.nianbao.rounds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Hashes;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.reading.RejectedInput;
import org.nianbao.reading.TextDecoder;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Assesses the reports of a round's submissions in the background, one per core at a time. Each item is stored as
 * it finishes; items a restart interrupted are taken up again when the service starts.
 *
 * <p>An item is read, matched to an expected agency (by the manifest, the agency the report names, or its file
 * name) and assessed with the round's frozen rules. When that agency has a report for the year before in another
 * round (or stored under its name for that year), the cross-year checks get it with no flag; and the other
 * agencies' reports already in the round are compared with it (a section 五 copied from another agency).
 */
@Component
public class RoundJobs {

    private static final Logger LOG = LoggerFactory.getLogger(RoundJobs.class);

    private final RoundStore rounds;
    private final RoundService service;
    private final AssessmentStore assessments;
    private final Reviews reviews;
    private final ExecutorService workers;

    public RoundJobs(RoundStore rounds, RoundService service, AssessmentStore assessments, Reviews reviews,
                     @Value("${nianbao.jobs.threads:0}") int threads) {
        this.rounds = rounds;
        this.service = service;
        this.assessments = assessments;
        this.reviews = reviews;
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "round-job-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Items left pending by a stop are assessed again at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        List<Long> pending = rounds.pendingItems();
        if (!pending.isEmpty()) {
            LOG.info("继续处理 {} 份上次未完成的报告 (resuming {} pending items)", pending.size(), pending.size());
        }
        pending.forEach(this::schedule);
    }

    /** Starts a job's items. */
    public void start(long jobId) {
        rounds.pendingItems(jobId).forEach(this::schedule);
    }

    private void schedule(long itemId) {
        workers.execute(() -> {
            try {
                process(itemId);
            } catch (RuntimeException e) {
                // the item stays pending (its outcome is recorded in one transaction) and is taken up at the next start
                LOG.error("任务项 {} 未能处理完 (job item not finished)", itemId, e);
            }
        });
    }

    void process(long itemId) {
        RoundStore.PendingItem item = rounds.pendingItem(itemId).orElse(null);
        if (item == null) {
            return; // done meanwhile
        }
        if (item.assessmentId() != null) { // a re-score: the stored report assessed again with the round's rules
            try {
                reviews.reassess(item.assessmentId());
                rounds.finishRescore(item, null);
            } catch (RuntimeException e) {
                LOG.warn("重新评分时出错 (re-score failed): {}", item.source(), e);
                rounds.finishRescore(item, "重新评分时出错，请联系管理员 (re-score failed)");
            }
            return;
        }
        try {
            RoundStore.Round round = service.round(item.roundId());
            Assessor assessor = service.assessor(round.id());
            Document document = Readers.read(item.source(), item.content());
            String sha = Hashes.sha256(item.content());
            AssessmentOptions.OtherAgency self = assessor.otherAgency(document);
            AgencyMatcher.Candidate agency = matcher(round.id()).match(item.agencyName(), self.agency(), item.source());
            Long agencyId = agency == null ? null : agency.agencyId();
            // the committee's list knows the level; a report handed in again keeps the reviewers' dismissals
            AssessmentOptions options = new AssessmentOptions(item.publishedOn(), null,
                    agency == null ? null : levelOf(round.id(), agency.agencyId()))
                    .withDismissed(reviews.dismissed(sha))
                    .withOtherAgencies(otherAgencies(round.id(), agencyId));
            if (agency != null) {
                options = options.withPreviousYear(previousYear(agency.agencyId(), agency.name(), round.year()));
            }
            Assessment assessment = assessor.assess(document, options);
            Assessment stored = assessments.save(assessment, sha, document.text().original(),
                    Submitter.account(item.submittedBy()));
            rounds.finish(item, agencyId, assessment.report().agency(), stored.id(), null, self.sectionFive());
        } catch (RejectedInput e) {
            failed(item, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("评分时出错 (assessment failed): {}", item.source(), e);
            failed(item, "评分时出错，请联系管理员 (assessment failed)");
        }
    }

    /** A report that could not be assessed still counts against its agency, when the manifest or its file name tells which. */
    private void failed(RoundStore.PendingItem item, String error) {
        AgencyMatcher.Candidate agency = matcher(item.roundId()).match(item.agencyName(), item.source());
        rounds.finish(item, agency == null ? null : agency.agencyId(), null, null, error, null);
    }

    /** The other agencies' reports of the round, as far as they are in: to find a section 五 copied from one. */
    List<AssessmentOptions.OtherAgency> otherAgencies(long roundId, Long agencyId) {
        return rounds.sectionFives(roundId, agencyId).stream()
                .map(f -> new AssessmentOptions.OtherAgency(f.agency(), f.text()))
                .toList();
    }

    private AgencyMatcher matcher(long roundId) {
        return new AgencyMatcher(rounds.expected(roundId).stream()
                .map(e -> new AgencyMatcher.Candidate(e.agencyId(), e.name(), e.aliases()))
                .toList());
    }

    private String levelOf(long roundId, long agencyId) {
        return rounds.expected(roundId).stream().filter(e -> e.agencyId() == agencyId).findFirst()
                .map(RoundStore.Expected::level).orElse(null);
    }

    /**
     * The agency's report for the year before: from the latest round that has it, else the latest report stored
     * under the agency's name for that year.
     */
    private Document previousYear(long agencyId, String name, int year) {
        return rounds.reportOf(agencyId, year - 1)
                .or(() -> assessments.latestReport(name, year - 1))
                .map(r -> new Document(TextDecoder.decode(r.source(), r.text().getBytes(StandardCharsets.UTF_8)), "text", null))
                .orElse(null);
    }

    /** At a stop, the report being scored may finish; what is left stays pending for the next start. */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
