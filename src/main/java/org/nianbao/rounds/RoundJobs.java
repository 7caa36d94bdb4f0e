package org.nianbao.rounds;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Hashes;
import org.nianbao.operations.AssessmentMetrics;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.reading.RejectedInput;
import org.nianbao.reading.TextDecoder;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assesses the reports of the rounds' submissions in the background, one per worker thread at a time, in every
 * instance that shares the database. A dispatcher claims waiting items (see {@link RoundStore#claim}), a few per
 * worker at a time, for this instance with a lease it renews while it works; an item's outcome and its assessment
 * are stored in one transaction, and only while the claim still holds. An instance that stops answering loses its
 * items when their lease runs out, and another takes them up; one that stops in order finishes what it is
 * assessing and hands the rest back (those claimed but not begun included).
 *
 * <p>An item is read, matched to an expected agency (by the manifest, the agency the report names, or its file
 * name) and assessed with the round's frozen rules. When that agency has a report for the year before in another
 * round (or stored under its name for that year), the cross-year checks get it with no flag; and the other
 * agencies' reports already in the round are compared with it (a section 五 copied from another agency).
 */
@Component
public class RoundJobs {

    private static final Logger LOG = LoggerFactory.getLogger(RoundJobs.class);

    /**
     * How many items this instance holds per worker thread: those being assessed and those claimed next, so that a
     * claim (a commit) takes several items rather than one.
     */
    static final int HELD_PER_THREAD = 4;

    /** A job still being received after this long was cut off by a stop (another instance may be receiving one now). */
    static final Duration UNFINISHED = Duration.ofMinutes(10);

    private final RoundStore rounds;
    private final RoundService service;
    private final org.nianbao.collection.WebCollector collector;
    private final AssessmentStore assessments;
    private final Reviews reviews;
    private final TransactionTemplate tx;
    private final AssessmentMetrics metrics;
    private final JobSettings settings;
    private final ExecutorService workers;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private volatile boolean running;
    private Thread dispatcher;

    /** How many items this instance assesses at once, how long a claim holds, how often to look for work, its name. */
    public record JobSettings(int threads, Duration lease, Duration poll, String instance) {
    }

    public RoundJobs(RoundStore rounds, RoundService service, AssessmentStore assessments, Reviews reviews,
                     PlatformTransactionManager transactions, JobSettings settings, AssessmentMetrics metrics,
                     MeterRegistry registry, org.nianbao.collection.WebCollector collector) {
        this.rounds = rounds;
        this.collector = collector;
        this.metrics = metrics;
        Gauge.builder("nianbao.jobs.queue.depth", rounds, RoundStore::queueDepth)
                .description("Job items waiting to be assessed, in every instance").register(registry);
        Gauge.builder("nianbao.jobs.in.flight", inFlight, Set::size)
                .description("Job items this instance is assessing").register(registry);
        this.service = service;
        this.assessments = assessments;
        this.reviews = reviews;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "round-job-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** This instance's name in the claims it holds. */
    public String instance() {
        return settings.instance();
    }

    /**
     * At start-up: the items an earlier life of this instance held are handed back at once, and the dispatcher
     * starts looking for work (items a stop left waiting included).
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void resume() {
        if (running) {
            wake();
            return;
        }
        int removed = rounds.removeUnfinishedJobs(Instant.now().minus(UNFINISHED));
        if (removed > 0) {
            LOG.info("删除了 {} 个未接收完的任务 (removed {} jobs a stop cut off while they were received)", removed, removed);
        }
        int released = rounds.release(settings.instance());
        if (released > 0) {
            LOG.info("继续处理 {} 份上次未完成的报告 (taking up {} items again)", released, released);
        }
        running = true;
        dispatcher = new Thread(this::dispatch, "round-job-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** A job was recorded: look for work now rather than at the next poll. */
    public void start(long jobId) {
        wake();
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void dispatch() {
        Instant renewAt = Instant.now().plus(settings.lease().dividedBy(3));
        while (running) {
            try {
                // claimed a few at a time (one commit for several), once the workers are down to one item each
                int free = HELD_PER_THREAD * settings.threads() - inFlight.size();
                List<Long> claimed = inFlight.size() <= settings.threads()
                        ? rounds.claim(settings.instance(), free, Instant.now().plus(settings.lease()))
                        : List.of();
                for (long id : claimed) {
                    inFlight.add(id);
                    workers.execute(() -> run(id));
                }
                if (Instant.now().isAfter(renewAt)) {
                    rounds.renew(settings.instance(), Set.copyOf(inFlight), Instant.now().plus(settings.lease()));
                    rounds.removeUnfinishedJobs(Instant.now().minus(UNFINISHED));
                    renewAt = Instant.now().plus(settings.lease().dividedBy(3));
                }
                if (claimed.isEmpty() || inFlight.size() > settings.threads()) {
                    synchronized (signal) {
                        signal.wait(settings.poll().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // the database away for a moment: try again at the next poll
                LOG.warn("未能领取任务项 (could not claim job items): {}", e.getMessage());
                try {
                    Thread.sleep(settings.poll().toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run(long itemId) {
        try {
            if (!running) {
                return; // claimed but not begun when the service stopped: handed back by stop()
            }
            process(itemId);
        } catch (RoundStore.ClaimLost e) {
            LOG.info("任务项 {} 已由其他实例处理 (taken over by another instance)", itemId);
        } catch (RuntimeException e) {
            // nothing of the item was stored (its outcome is one transaction): it is taken up again after its lease
            LOG.error("任务项 {} 未能处理完 (job item not finished)", itemId, e);
        } finally {
            inFlight.remove(itemId);
            wake();
        }
    }

    void process(long itemId) {
        RoundStore.PendingItem pending = rounds.pendingItem(itemId).orElse(null);
        if (pending == null) {
            return; // done meanwhile
        }
        java.time.LocalDate pageDate = null;
        if (pending.content() == null && pending.url() != null) { // to be collected from the agency's site first
            Collected collected = collect(pending);
            if (collected == null) {
                return;
            }
            pending = collected.item();
            pageDate = collected.pageDate();
        }
        RoundStore.PendingItem item = pending;
        if (item.assessmentId() != null) { // a re-score: the stored report assessed again with the round's rules
            try {
                tx.executeWithoutResult(status -> {
                    reviews.reassess(item.assessmentId());
                    rounds.finishRescore(item, null, settings.instance());
                });
            } catch (RoundStore.ClaimLost e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("重新评分时出错 (re-score failed): {}", item.source(), e);
                rounds.finishRescore(item, "重新评分时出错，请联系管理员 (re-score failed)", settings.instance());
            }
            return;
        }
        try {
            long start = AssessmentMetrics.start();
            RoundStore.Round round = service.round(item.roundId());
            Assessor assessor = service.assessor(round.id());
            Document read = Readers.read(item.source(), item.content());
            // a report attached to a page: the page's own date (its 发布时间) is when it was published
            Document document = read.pageDate() == null && pageDate != null
                    ? new Document(read.text(), read.format(), pageDate) : read;
            String sha = Hashes.sha256(item.content());
            org.nianbao.report.ReportFacts drawn = assessor.draw(document); // read once: matched, then assessed
            AssessmentOptions.OtherAgency self = assessor.otherAgency(drawn);
            Agencies agencies = agencies(round.id());
            AgencyMatcher.Candidate agency = agencies.matcher().match(item.agencyName(), self.agency(), item.source());
            Long agencyId = agency == null ? null : agency.agencyId();
            // the committee's list knows the level; a report handed in again keeps the reviewers' dismissals
            AssessmentOptions options = new AssessmentOptions(item.publishedOn(), null,
                    agency == null ? null : agencies.levels().get(agency.agencyId()))
                    .withDismissed(reviews.dismissed(sha))
                    .withOtherAgencies(otherAgencies(round.id(), agencyId));
            if (agency != null) {
                options = options.withPreviousYear(previousYear(agency.agencyId(), agency.name(), round.year()));
            }
            Assessor.Assessed assessed = assessor.assessDrawn(document, drawn, options);
            Assessment assessment = assessed.assessment();
            metrics.assessed("scored", document.format(), AssessmentMetrics.since(start));
            // a report of another year than the round's is scored, but not counted for the agency: a reviewer decides
            Integer year = assessment.report().year();
            String note = agency != null && year != null && year != round.year()
                    ? "报告年度为%d年，本轮次为%d年度：未自动归入「%s」，请核对后指定".formatted(year, round.year(), agency.name())
                    : null;
            Long matched = note == null ? agencyId : null;
            tx.executeWithoutResult(status -> { // the assessment and the item's outcome together, or neither
                Assessment stored = assessments.save(assessment, assessed.facts(), sha, document.text().original(),
                        Submitter.account(item.submittedBy()));
                rounds.finish(item, matched, assessment.report().agency(), stored.id(), null, note, self.sectionFive(),
                        publishedOn(assessment), settings.instance());
            });
            // another agency's report this one is alike (N2 names it): assessed again, so that both say so
            List<Long> alike = alike(assessment, options.otherAgencies(), round.id(), agencyId);
            if (!alike.isEmpty()) {
                rounds.queueReassessment(round.id(), alike, item.submittedBy());
                wake();
            }
        } catch (RoundStore.ClaimLost e) {
            throw e;
        } catch (RejectedInput e) {
            metrics.assessed("rejected", "unknown", null);
            failed(item, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("评分时出错 (assessment failed): {}", item.source(), e);
            metrics.assessed("failed", "unknown", null);
            failed(item, "评分时出错，请联系管理员 (assessment failed)");
        }
    }

    /** An item collected: the report's bytes under its file's name, and the date of the page that linked to it. */
    private record Collected(RoundStore.PendingItem item, java.time.LocalDate pageDate) {
    }

    /**
     * Fetches an item's report from its address and keeps every document fetched on the way (in its own transaction:
     * the evidence stays whatever comes of the scoring). A failure is the item's outcome, named; null is returned.
     */
    private Collected collect(RoundStore.PendingItem item) {
        RoundStore.Round round = service.round(item.roundId());
        try {
            org.nianbao.collection.WebCollector.Collected c = collector.collect(item.url(), round.year());
            keep(item, c.fetched(), c.report());
            byte[] body = c.report().body();
            java.time.LocalDate pageDate = null;
            if (c.fetched().size() > 1) {
                org.nianbao.collection.WebCollector.Fetched page = c.fetched().get(c.fetched().size() - 2);
                try {
                    pageDate = Readers.read(page.uri().toString(), page.body()).pageDate();
                } catch (RuntimeException e) {
                    pageDate = null; // a page that cannot be read tells no date
                }
            }
            return new Collected(new RoundStore.PendingItem(item.id(), item.jobId(), item.roundId(),
                    fileName(c.report().uri()), body, item.agencyName(), item.publishedOn(), item.submittedBy(), null,
                    item.url()), pageDate);
        } catch (org.nianbao.collection.WebCollector.Failure e) {
            keep(item, e.fetched(), null);
            metrics.assessed("rejected", "web", null);
            failed(item, "采集失败：" + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while collecting", e); // taken up again after its lease
        } catch (RuntimeException e) { // never tried again and again: the item fails, named
            LOG.warn("采集时出错 (collecting failed): {}", item.url(), e);
            metrics.assessed("failed", "web", null);
            failed(item, "采集失败：采集时出错，请联系管理员 (collecting failed)");
            return null;
        }
    }

    private void keep(RoundStore.PendingItem item, List<org.nianbao.collection.WebCollector.Fetched> fetched,
                      org.nianbao.collection.WebCollector.Fetched report) {
        for (org.nianbao.collection.WebCollector.Fetched f : fetched) {
            rounds.saveCapture(item.roundId(), item.id(), item.url(), f.uri().toString(), f == report ? "report" : "page",
                    f.at(), f.status(), f.mediaType(), Hashes.sha256(f.body()), f.body());
        }
    }

    /** The name of a collected report: its file's name in the address, decoded; else the host's. */
    public static String fileName(java.net.URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            last = java.net.URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // kept as written
        }
        String name = last.isBlank() ? uri.getHost() : last;
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** A report that could not be assessed still counts against its agency, when the manifest or its file name tells which. */
    private void failed(RoundStore.PendingItem item, String error) {
        AgencyMatcher.Candidate agency = agencies(item.roundId()).matcher().match(item.agencyName(), item.source());
        rounds.finish(item, agency == null ? null : agency.agencyId(), null, null, error, null, null, null, settings.instance());
    }

    /** The other agencies' reports of the round, as far as they are in: to find a section 五 copied from one. */
    List<AssessmentOptions.OtherAgency> otherAgencies(long roundId, Long agencyId) {
        return rounds.sectionFives(roundId, agencyId).stream()
                .map(f -> new AssessmentOptions.OtherAgency(f.agency(), f.text(), f.publishedOn()))
                .toList();
    }

    /** When a report was published, as far as a date of publication is known (given, or its page's): not its signature. */
    private static java.time.LocalDate publishedOn(Assessment assessment) {
        var report = assessment.report();
        return report.publishedOn() != null && ("given".equals(report.publishedOnSource()) || "page".equals(report.publishedOnSource()))
                ? java.time.LocalDate.parse(report.publishedOn()) : null;
    }

    /**
     * The assessments of the round's other reports that a finding of check N2 names (its excerpt is the other agency):
     * a section 五 alike. Their assessments were made without this report; made again, they name it too.
     */
    private List<Long> alike(Assessment assessment, List<AssessmentOptions.OtherAgency> others, long roundId, Long agencyId) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (org.nianbao.rules.Finding f : assessment.findings()) {
            if ("N2".equals(f.check()) && f.evidence().excerpt() != null) {
                named.add(f.evidence().excerpt());
            }
        }
        if (named.isEmpty() || others.isEmpty()) {
            return List.of();
        }
        return rounds.sectionFives(roundId, agencyId).stream().filter(f -> named.contains(f.agency()))
                .map(RoundStore.SectionFive::assessmentId).toList();
    }

    /** A round's expected agencies as reports are matched to them: by name and alias, and each one's level. */
    record Agencies(List<RoundStore.Expected> expected, AgencyMatcher matcher, java.util.Map<Long, String> levels) {
        static Agencies of(List<RoundStore.Expected> expected) {
            java.util.Map<Long, String> levels = new java.util.HashMap<>();
            expected.forEach(e -> levels.putIfAbsent(e.agencyId(), e.level()));
            return new Agencies(expected, new AgencyMatcher(expected.stream()
                    .map(e -> new AgencyMatcher.Candidate(e.agencyId(), e.name(), e.aliases()))
                    .toList()), levels);
        }
    }

    private final java.util.Map<Long, Agencies> agencies = new ConcurrentHashMap<>();

    /** The round's agencies, made again only when the store reads the round's list again. */
    private Agencies agencies(long roundId) {
        List<RoundStore.Expected> expected = rounds.expectedRecently(roundId);
        if (agencies.size() > 16) { // rounds this instance worked on before: let go
            agencies.keySet().removeIf(id -> id != roundId);
        }
        return agencies.compute(roundId, (id, known) -> known != null && known.expected() == expected ? known
                : Agencies.of(expected));
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

    /**
     * At a stop: no more items are claimed, those being assessed may finish (up to the shutdown's grace), and
     * whatever this instance still holds is handed back for another instance, or the next start, to take at once.
     *
     * <p>No thread of the jobs is interrupted: an interrupt that lands while a thread writes to an H2 file closes the
     * file under the whole database (Java closes an interruptible channel), and nothing could be handed back. The
     * dispatcher is woken instead and ends at its next look at {@code running}.
     */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (dispatcher != null) {
            wake();
            dispatcher.join(settings.poll().toMillis() + 5000);
        }
        workers.shutdown();
        workers.awaitTermination(20, TimeUnit.SECONDS);
        try {
            int removed = rounds.removeUnfinishedJobs(Instant.now().minus(UNFINISHED));
            if (removed > 0) {
                LOG.info("删除了 {} 个未接收完的任务 (removed {} jobs a stop cut off while they were received)", removed, removed);
            }
            int released = rounds.release(settings.instance());
            if (released > 0) {
                LOG.info("{} 份未完成的报告已交回队列 (handed back {} items)", released, released);
            }
        } catch (RuntimeException e) { // the database already gone: the leases run out instead
            LOG.warn("未能交回任务项 (could not hand back job items): {}", e.getMessage());
        }
    }
}
