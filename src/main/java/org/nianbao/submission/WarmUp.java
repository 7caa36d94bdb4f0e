package org.nianbao.submission;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Parallel;
import org.nianbao.policy.ActivationService;
import org.nianbao.policy.CompilerWarmUp;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.report.ReportFacts;
import org.nianbao.store.AssessmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Before the service says it is ready ({@code /actuator/health/readiness}), it works on every core for up to
 * {@code nianbao.warm-up} (default 4 s). For up to half of it, it scores the reports it carries (the rule tests'
 * reports in its bundle): each read, its facts drawn, written and read back as the store keeps them, and assessed
 * again from them. For the rest of the time, the facts stored with the latest year's assessments whose outcome was not
 * kept with them (made beside other agencies' reports, or by other rules) are read from the database and assessed
 * again by the rules in force, as a dry run over that year reads and assesses them, and what they make of each is
 * kept for the dry runs (which then run only their candidate over it); time left over goes on a dry run of the
 * rules in force against themselves over those reports, its results thrown away ({@link
 * ActivationService#warmDryRuns}).
 * The engine compiles a rule's conditions when it first evaluates them and the JIT compiles what runs often, so
 * without this the first self-check and the first dry run of the day pay for both. Once the service is ready, one
 * thread goes on with the rest of the latest year's stored assessments, rehearses a dry run once over them, then
 * compiles the rules in force once more unless a candidate has been compiled by then (see {@link #prepareBeside()}).
 * {@code nianbao.warm-up=0} starts without either.
 */
@Component
@Order(100)
public class WarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** Rounds over the reports at most: past these the JIT has long compiled what they run. */
    private static final int MOST_ROUNDS = 12;

    private final AssessmentService service;
    private final AssessmentStore store;
    private final ActivationService activation;
    private final CompilerWarmUp compiler;
    private final Duration compilerDelay;
    private final ObjectMapper json;
    private final Duration budget;
    private volatile Result last;

    /**
     * What a warm-up did: the reports carried, how many times one was scored (read and assessed again from its
     * facts), rounds over them, stored assessments assessed again from their facts and the time that took, stored
     * reports a rehearsed dry run went through, the time taken in all.
     */
    public record Result(int reports, int assessed, int rounds, int stored, long storedMillis, int rehearsed, long millis) {
    }

    public WarmUp(AssessmentService service, AssessmentStore store, ActivationService activation,
                  CompilerWarmUp compiler, ObjectMapper json, @Value("${nianbao.warm-up:4s}") Duration budget,
                  @Value("${nianbao.warm-up-compiler-delay:30s}") Duration compilerDelay) {
        this.service = service;
        this.compiler = compiler;
        this.compilerDelay = compilerDelay;
        this.activation = activation;
        this.store = store;
        this.json = json;
        this.budget = budget;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (budget.isZero() || budget.isNegative()) {
            return;
        }
        try {
            last = warm(carried(), budget);
            LOG.info("启动预热 (warm-up): {} 份报告评分 {} 次，{} 轮；已存评估按事实重评 {} 份（{} ms）；试算演练 {} 份；用时 {} ms",
                    last.reports(), last.assessed(), last.rounds(), last.stored(), last.storedMillis(), last.rehearsed(),
                    last.millis());
        } catch (RuntimeException e) {
            // warming is an optimisation: the service starts cold rather than not at all
            LOG.warn("启动预热未完成 (warm-up failed): {}", e.toString());
        }
        Thread beside = new Thread(this::prepareBeside, "dry-run-preparation");
        beside.setDaemon(true);
        beside.start();
    }

    /** The longest the preparation beside the ready service goes on. */
    private static final Duration BESIDE = Duration.ofMinutes(10);
    /** The longest the rehearsed dry run beside the ready service goes on (once over the year at most). */
    private static final Duration REHEARSAL = Duration.ofSeconds(30);

    /**
     * After the service is ready, the rest of the latest year's stored assessments are assessed again by the rules in
     * force, on one core, and kept for the dry runs (the warm-up's time gets through a few hundred of several thousand):
     * until all are kept, for at most ten minutes, and only until the first dry run is asked, which works out what is
     * left itself. Then, on the same core and until the same moment, a dry run of the rules in force against themselves
     * goes once over the year (at most 30 s), its results thrown away, so that a dry run asked a while after the start
     * is as fast as the tenth ({@link ActivationService#rehearseGivingWay}). Then, {@code
     * nianbao.warm-up-compiler-delay} (30 s) later, the rule compiler is warmed ({@link CompilerWarmUp}), unless a
     * candidate has been compiled by then.
     */
    private void prepareBeside() {
        prepareDryRunsBeside();
        try {
            // then, once the service has been ready a while (a first dry run asked the moment it is ready compiles its
            // own candidate, and a compilation beside it only slows it), the rule compiler, unless a candidate has
            // warmed it already
            Thread.sleep(compilerDelay.toMillis());
            compiler.compileUnlessAsked();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void prepareDryRunsBeside() {
        try {
            Integer year = store.latestYear().orElse(null);
            if (year == null) {
                return;
            }
            long start = System.nanoTime();
            long asked = activation.dryRunsAsked();
            Assessor inForce = service.assessor();
            int kept = activation.prepareDryRunsGivingWay(year, inForce, service::assessor, store, start + BESIDE.toNanos());
            long rehearsing = System.nanoTime();
            int rehearsed = activation.rehearseGivingWay(year, inForce, service::assessor, store,
                    Math.min(start + BESIDE.toNanos(), rehearsing + REHEARSAL.toNanos()), asked);
            LOG.info("试算准备 (dry-run preparation): {} 年已存评估按事实重评 {} 份（{} ms）；试算演练 {} 份（{} ms）", year, kept,
                    (rehearsing - start) / 1_000_000, rehearsed, (System.nanoTime() - rehearsing) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("试算准备未完成 (dry-run preparation failed): {}", e.toString());
        }
    }

    /** The last warm-up's figures; {@code null} when none ran. */
    public Result last() {
        return last;
    }

    Result warm(List<Document> reports, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        long half = start + within.toNanos() / 2;
        AtomicInteger assessed = new AtomicInteger();
        int rounds = scoreCarried(reports, half, assessed);
        ActivationService.Warmed stored = stored(deadline);
        return new Result(reports.size(), assessed.get(), rounds, stored.workedOut(), stored.workedOutMillis(),
                stored.rehearsed(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Rounds over the carried reports on every core until {@code until} (each counted in {@code assessed}); how many. */
    private int scoreCarried(List<Document> reports, long until, AtomicInteger assessed) {
        int rounds = 0;
        while (!reports.isEmpty() && rounds < MOST_ROUNDS && System.nanoTime() < until) {
            Assessor assessor = service.assessor(); // the rules in force now (an activation meanwhile is warmed next round)
            Parallel.inChunks(reports, 2, Parallel.threads(), chunk -> {
                for (Document d : chunk) {
                    if (System.nanoTime() >= until) {
                        break;
                    }
                    once(assessor, d);
                    assessed.incrementAndGet();
                }
                return List.of();
            }, done -> { });
            rounds++;
        }
        return rounds;
    }

    /**
     * The latest year's stored reports until {@code deadline} ({@link ActivationService#warmDryRuns}): the sides their
     * stored outcomes do not give worked out and kept for the dry runs, then a dry run rehearsed over them.
     */
    private ActivationService.Warmed stored(long deadline) {
        try {
            Integer year = store.latestYear().orElse(null);
            return year == null ? NOTHING_STORED : activation.warmDryRuns(year, service.assessor(), store, deadline);
        } catch (RuntimeException e) {
            LOG.warn("启动预热：未能读取已存评估 (warm-up could not read stored assessments): {}", e.toString());
            return NOTHING_STORED;
        }
    }

    private static final ActivationService.Warmed NOTHING_STORED = new ActivationService.Warmed(0, 0, 0);

    /** A report read and assessed, its facts kept as the store keeps them and assessed again from them. */
    private void once(Assessor assessor, Document document) {
        try {
            Assessor.Assessed assessed = assessor.assessKeepingFacts(document, AssessmentOptions.NONE);
            json.writeValueAsString(assessed.assessment());
            ReportFacts kept = store.asKept(assessed.facts().facts());
            Assessment again = assessor.assess(document.text().name(), kept);
            json.writeValueAsString(again);
        } catch (RuntimeException e) {
            // a carried report a rule refuses (a rule test of a failure) warms what ran before it; the next one goes on
        }
    }

    /** The reports the bundle carries for its rule tests, each read as an upload would be. */
    static List<Document> carried() {
        List<Document> documents = new ArrayList<>();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(WarmUp.class.getClassLoader())
                    .getResources("classpath*:bundle/rules/tests/reports/*");
            Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource r : found) {
                if (r.getFilename() == null || !r.isReadable()) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    documents.add(Readers.read(r.getFilename(), in.readAllBytes()));
                } catch (RuntimeException e) {
                    // a carried file that is not a report (a test of refusal): nothing to warm with
                }
            }
        } catch (IOException e) {
            return documents;
        }
        return documents;
    }
}
