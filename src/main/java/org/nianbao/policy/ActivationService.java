package org.nianbao.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Outcome;
import org.nianbao.assessment.Parallel;
import org.nianbao.reading.Document;
import org.nianbao.reading.SourceText;
import org.nianbao.reading.TextDecoder;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Service;

/**
 * Puts a ruleset in force: it is validated, its own rule tests (the bundle's tests/) must pass, it is stored with who, when,
 * why and what changed, and then swapped in atomically. A ruleset that fails any step never replaces the one in
 * force. Any stored version can be reactivated.
 */
@Service
public class ActivationService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActivationService.class);

    /** The outcome of an activation. */
    public record Activation(long id, String version, String scorecard, String diff) {
    }

    private final ActiveRuleset active;
    private final RulesetVersionStore versions;
    private final NianbaoProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    private final org.springframework.beans.factory.ObjectProvider<Dismissals> dismissals;
    /** What the rules in force made of the stored reports dry runs assessed, while they are in force. */
    private final InForceSides inForceSides = new InForceSides();

    public ActivationService(ActiveRuleset active, RulesetVersionStore versions, NianbaoProperties properties,
                             org.springframework.beans.factory.ObjectProvider<Dismissals> dismissals) {
        this.active = active;
        this.versions = versions;
        this.properties = properties;
        this.dismissals = dismissals;
    }

    /** The files of the version in force (or, before any activation, of the folder on disk). */
    public RulesetFiles filesInForce() {
        return versions.activeFiles().orElseGet(() -> RulesetFiles.read(properties.rulesDir(), properties.scorecard()));
    }

    /** A candidate: the files in force with {@code changed} (file name → stored content) replacing or joining them. */
    public RulesetFiles candidate(java.util.Map<String, String> changed) {
        java.util.Map<String, String> merged = new java.util.TreeMap<>(filesInForce().files());
        merged.putAll(changed);
        return new RulesetFiles(merged);
    }

    /** Validates a candidate without putting it in force. */
    public Validation validate(RulesetFiles files) {
        candidatesCompiled.incrementAndGet();
        return files.inFolder(Validation::of);
    }

    /** Candidates validated (and so compiled) since the start. */
    private final java.util.concurrent.atomic.AtomicLong candidatesCompiled = new java.util.concurrent.atomic.AtomicLong();

    /** How many candidates were validated, and so compiled, since the start (a dry run validates its own). */
    public long candidatesCompiled() {
        return candidatesCompiled.get();
    }

    /**
     * The reports stored for {@code year} assessed again with the candidate beside the rules in force. None of it is
     * stored (only facts the rules in force drew again from a report, its kept ones drawn by another version of the
     * extractor, are kept in their place); a candidate with problems is refused.
     */
    public List<DryRun> dryRun(RulesetFiles files, int year, Assessor inForce, AssessmentStore assessments) {
        return dryRun(files, year, inForce, assessments, DryRunProgress.NONE);
    }

    /**
     * As {@link #dryRun(RulesetFiles, int, Assessor, AssessmentStore)}, telling {@code progress} how many reports there
     * are and how many are done. The rules run over the facts kept with each assessment, on every core; a report is
     * read again only when its facts were drawn by another version of the extractor than a side's own.
     */
    public List<DryRun> dryRun(RulesetFiles files, int year, Assessor inForce, AssessmentStore assessments,
                               DryRunProgress progress) {
        dryRunsAsked.incrementAndGet();
        Validation v = validate(files);
        if (!v.valid()) {
            throw new ActivationRefused(v.problems(), List.of());
        }
        Assessor candidate = new Assessor(v.rules(), v.scorecard());
        List<Long> ids = assessments.latestOf(year);
        Dismissals dismissed = dismissals.getIfAvailable(() -> Dismissals.NONE);
        progress.started(ids.size());
        return Parallel.inChunks(ids, DRY_RUN_CHUNK, Parallel.threads(),
                chunk -> dryRun(chunk, inForce, candidate, assessments, dismissed), progress::done);
    }

    /**
     * What a warming service did for its dry runs: stored reports whose side it worked out (and kept) and the time that
     * took, and stored reports a rehearsed dry run went through.
     */
    public record Warmed(int workedOut, long workedOutMillis, int rehearsed) {
    }

    /**
     * Warms a service for the dry runs over {@code year}'s stored reports, on every core until {@code deadline}
     * ({@link System#nanoTime()}): first the rules in force's side of each report whose stored outcome does not give it
     * is worked out and kept; then, with the time left, a dry run of the rules in force against themselves goes over
     * the year, its results thrown away (each report's facts read and assessed as a candidate's side is), so that the
     * first dry run of the day runs on code the JIT compiler has seen run.
     */
    public Warmed warmDryRuns(int year, Assessor inForce, AssessmentStore assessments, long deadline) {
        Dismissals dismissed = dismissals.getIfAvailable(() -> Dismissals.NONE);
        long start = System.nanoTime();
        List<Long> ids = assessments.latestOf(year);
        int workedOut = untilDeadline(withoutOutcome(ids, inForce, assessments, dismissed), deadline,
                chunk -> dryRun(chunk, inForce, null, assessments, dismissed, deadline).size());
        long workedOutMillis = (System.nanoTime() - start) / 1_000_000;
        int rehearsed = untilDeadline(ids, deadline,
                chunk -> dryRun(chunk, inForce, inForce, assessments, dismissed, deadline).size());
        return new Warmed(workedOut, workedOutMillis, rehearsed);
    }

    /** {@code work} over {@code ids} a chunk at a time on every core, none begun past {@code deadline}; its counts summed. */
    private static int untilDeadline(List<Long> ids, long deadline, java.util.function.ToIntFunction<List<Long>> work) {
        List<Integer> done = Parallel.inChunks(ids, DRY_RUN_CHUNK, Parallel.threads(),
                chunk -> System.nanoTime() >= deadline ? List.<Integer>of() : List.of(work.applyAsInt(chunk)), chunks -> { });
        return done.stream().mapToInt(Integer::intValue).sum();
    }

    /** Dry runs asked since the start: a preparation beside the service gives way to the first one after it began. */
    private final java.util.concurrent.atomic.AtomicLong dryRunsAsked = new java.util.concurrent.atomic.AtomicLong();

    /** How many dry runs have been asked since the start. */
    public long dryRunsAsked() {
        return dryRunsAsked.get();
    }

    /**
     * The sides of {@link #warmDryRuns} worked out, on the calling thread alone and giving way: it stops at the first dry run asked
     * after it began (which works out for itself what is not kept yet), at {@code deadline}, or when other rules
     * are put in force ({@code inForceNow} no longer gives {@code inForce}). For a service that goes on preparing
     * after it is ready, on one core, so that the first dry run of the day finds the sides of the rules in force kept.
     */
    public int prepareDryRunsGivingWay(int year, Assessor inForce, java.util.function.Supplier<Assessor> inForceNow,
                                       AssessmentStore assessments, long deadline) {
        long asked = dryRunsAsked.get();
        Dismissals dismissed = dismissals.getIfAvailable(() -> Dismissals.NONE);
        List<Long> ids = withoutOutcome(assessments.latestOf(year), inForce, assessments, dismissed);
        return givingWay(ids, inForce, null, inForceNow, assessments, dismissed, deadline, asked);
    }

    /**
     * A dry run of the rules in force against themselves over {@code year}'s stored reports, its results thrown away,
     * on the calling thread alone and giving way as {@link #prepareDryRunsGivingWay} does: once over the year at most.
     * For a service that is ready and idle, so that a dry run asked a while after the start runs on code the JIT has
     * compiled, as the tenth does, not only the first few hundred reports the warm-up had time for. It does not begin,
     * or stops, once more dry runs have been asked than {@code asked} ({@link #dryRunsAsked()} when the caller's
     * preparation began, so that a dry run asked during that preparation is not joined by this). How many reports it
     * went through.
     */
    public int rehearseGivingWay(int year, Assessor inForce, java.util.function.Supplier<Assessor> inForceNow,
                                 AssessmentStore assessments, long deadline, long asked) {
        Dismissals dismissed = dismissals.getIfAvailable(() -> Dismissals.NONE);
        return givingWay(assessments.latestOf(year), inForce, inForce, inForceNow, assessments, dismissed, deadline, asked);
    }

    /**
     * The dry run of {@code candidate} (none: the rules in force's sides alone) over {@code ids} a chunk at a time on
     * the calling thread, stopping before the next chunk once other rules are in force, more dry runs than {@code
     * asked} have been asked, or {@code deadline} has passed; how many reports it went through.
     */
    private int givingWay(List<Long> ids, Assessor inForce, Assessor candidate, java.util.function.Supplier<Assessor> inForceNow,
                          AssessmentStore assessments, Dismissals dismissed, long deadline, long asked) {
        int done = 0;
        for (int from = 0; from < ids.size(); from += DRY_RUN_CHUNK) {
            if (inForceNow.get() != inForce || dryRunsAsked.get() != asked || System.nanoTime() >= deadline) {
                break;
            }
            done += dryRun(ids.subList(from, Math.min(ids.size(), from + DRY_RUN_CHUNK)), inForce, candidate, assessments,
                    dismissed, deadline).size();
        }
        return done;
    }

    /** How many stored reports' sides the rules in force have kept for the dry runs. */
    int keptForDryRuns(Assessor inForce) {
        return inForceSides.size(inForce);
    }

    /** Reports a dry-run task takes at a time: enough to make each query worth it, few enough to share the work. */
    private static final int DRY_RUN_CHUNK = 40;

    private List<DryRun> dryRun(List<Long> ids, Assessor inForce, Assessor candidate, AssessmentStore store,
                                Dismissals dismissals) {
        return dryRun(ids, inForce, candidate, store, dismissals, Long.MAX_VALUE);
    }

    /**
     * The dry run of these stored reports; with no {@code candidate}, only the rules in force's sides worked out and
     * kept (each report's result then compares the side with itself), until {@code deadline}.
     */
    private List<DryRun> dryRun(List<Long> ids, Assessor inForce, Assessor candidate, AssessmentStore store,
                                Dismissals dismissals, long deadline) {
        Map<Long, AssessmentStore.KeptFacts> kept = store.keptFacts(ids);
        // each report's hash, by which dismissals are found: kept with its facts, else read from the assessment
        Map<Long, String> shas = new java.util.HashMap<>(
                store.sha256Of(ids.stream().filter(id -> !kept.containsKey(id)).toList()));
        kept.forEach((id, facts) -> shas.put(id, facts.sha256()));
        Map<String, java.util.Set<String>> dismissedBySha = dismissals.dismissedIn(new java.util.HashSet<>(shas.values()));
        if (candidate == null) { // the rules in force's sides alone: only those that can be kept, or their facts
            ids = ids.stream().filter(kept::containsKey).toList();
        }
        List<Long> toRead = ids.stream()
                .filter(id -> !usable(kept.get(id), inForce) || candidate != null && !usable(kept.get(id), candidate))
                .toList();
        Map<Long, AssessmentStore.StoredReport> reports = new java.util.HashMap<>();
        store.reports(toRead).forEach(r -> reports.put(r.id(), r));
        List<DryRun> runs = new java.util.ArrayList<>(ids.size());
        List<AssessmentStore.Redrawn> redrawn = new java.util.ArrayList<>();
        for (Long id : ids) {
            AssessmentStore.KeptFacts facts = kept.get(id);
            AssessmentStore.StoredReport report = reports.get(id);
            String source = facts != null ? facts.source() : report != null ? report.source() : "#" + id;
            if (facts == null && report == null) {
                continue; // deleted meanwhile
            }
            if (Thread.currentThread().isInterrupted() || deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) {
                break; // the dry run stopped elsewhere (a rule past its time budget), or its time is up
            }
            // the findings reviewers dismissed are left out of both sides, as the stored assessments leave them out
            java.util.Set<String> dismissed = dismissedBySha.getOrDefault(shas.get(id), java.util.Set.of());
            try {
                if (facts != null && !usable(facts, inForce) && report != null) {
                    // drawn by another version of the extractor (an upgrade): read again once, and kept as drawn now
                    Document document = document(report);
                    Assessor.Assessed again = inForce.assessDrawn(document, inForce.draw(document), options(report, dismissed));
                    Outcome before = Outcome.of(again.assessment());
                    redrawn.add(new AssessmentStore.Redrawn(id, facts.sha256(), again.facts().facts(), before, dismissed,
                            facts.facts() == null));
                    facts = facts.drawnAgain(inForce.extractorVersion(), again.facts().facts());
                    runs.add(DryRun.compare(before, candidate == null ? before
                            : Outcome.of(side(candidate, facts, report, dismissed))));
                    continue;
                }
                Outcome before = inForceSide(inForce, facts, report, dismissed);
                runs.add(DryRun.compare(before, candidate == null ? before
                        : Outcome.of(side(candidate, facts, report, dismissed))));
            } catch (org.nianbao.rules.RuleTimeout e) {
                // a candidate rule that runs past its budget on one report would on the next: the dry run stops here
                throw new org.nianbao.rules.RuleTimeout("试算已停止：" + source + " " + e.getMessage(), e.rule());
            } catch (RuntimeException e) {
                runs.add(DryRun.failed(source, "评分时出错 (assessment failed): " + e.getMessage()));
            }
        }
        keep(redrawn, inForce, store);
        return runs;
    }

    /** Facts drawn again kept for the dry runs after this one; a failure to keep them costs those dry runs time, no more. */
    private static void keep(List<AssessmentStore.Redrawn> redrawn, Assessor inForce, AssessmentStore store) {
        if (redrawn.isEmpty()) {
            return;
        }
        try {
            store.keepRedrawn(redrawn, inForce);
        } catch (RuntimeException e) {
            LOG.warn("重新读取的事实未能保存 (facts drawn again not kept): {}", e.toString());
        }
    }

    /**
     * Of these stored reports, those whose assessment's outcome is not kept as the rules in force make it with the
     * findings dismissed in them now: the ones whose side must be worked out.
     */
    private static List<Long> withoutOutcome(List<Long> ids, Assessor inForce, AssessmentStore store, Dismissals dismissals) {
        List<Long> without = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1_000) { // a thousand a query: within every database's bounds
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + 1_000));
            Map<Long, AssessmentStore.KeptOutcome> outcomes = store.outcomesBy(inForce.version(), some);
            Map<String, java.util.Set<String>> dismissedBySha = outcomes.isEmpty() ? Map.of() : dismissals.dismissedIn(
                    outcomes.values().stream().map(AssessmentStore.KeptOutcome::sha256)
                            .collect(java.util.stream.Collectors.toSet()));
            for (Long id : some) {
                AssessmentStore.KeptOutcome outcome = outcomes.get(id);
                if (outcome == null || !outcome.holdsFor(inForce,
                        dismissedBySha.getOrDefault(outcome.sha256(), java.util.Set.of()))) {
                    without.add(id);
                }
            }
        }
        return without;
    }

    /**
     * The rules in force's side of a stored report: the stored assessment's own outcome when they made it of these
     * facts alone, else kept from an earlier dry run of them, else assessed and kept.
     */
    private Outcome inForceSide(Assessor inForce, AssessmentStore.KeptFacts facts, AssessmentStore.StoredReport report,
                                java.util.Set<String> dismissed) {
        if (!usable(facts, inForce)) {
            return Outcome.of(side(inForce, facts, report, dismissed)); // read again each time: rare, and not kept
        }
        Outcome stored = facts.outcomeOf(inForce, dismissed);
        if (stored != null) {
            return stored;
        }
        long digest = facts.digest();
        Outcome kept = inForceSides.get(inForce, facts.id(), digest, dismissed);
        if (kept == null) {
            kept = Outcome.of(side(inForce, facts, report, dismissed));
            inForceSides.put(inForce, facts.id(), digest, dismissed, kept);
        }
        return kept;
    }

    private static boolean usable(AssessmentStore.KeptFacts facts, Assessor assessor) {
        return facts != null && facts.drawnAs(assessor);
    }

    /** One side of a dry run: the kept facts assessed again, or the stored report read again when they cannot be. */
    private static Assessment side(Assessor assessor, AssessmentStore.KeptFacts facts, AssessmentStore.StoredReport report,
                                   java.util.Set<String> dismissed) {
        if (usable(facts, assessor)) {
            return dismissed.isEmpty() ? assessor.assess(facts.source(), facts.facts())
                    : assessor.assessAgain(facts.source(), facts.facts(), AssessmentOptions.NONE.withDismissed(dismissed)).assessment();
        }
        return assessor.assess(document(report), options(report, dismissed));
    }

    /** A stored report read again: its text, dated by its page when that is where its date came from. */
    private static Document document(AssessmentStore.StoredReport report) {
        SourceText text = TextDecoder.decode(report.source(), report.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Document(text, "text", "page".equals(report.publishedOnSource()) ? publishedOn(report) : null);
    }

    /** What a stored report was assessed with: the date given with it, its level, and the findings dismissed in it. */
    private static AssessmentOptions options(AssessmentStore.StoredReport report, java.util.Set<String> dismissed) {
        return new AssessmentOptions("given".equals(report.publishedOnSource()) ? publishedOn(report) : null,
                null, report.level()).withDismissed(dismissed);
    }

    private static java.time.LocalDate publishedOn(AssessmentStore.StoredReport report) {
        return report.publishedOn() == null ? null : java.time.LocalDate.parse(report.publishedOn());
    }

    /** The results of the rule tests of one version in force, kept until another is. */
    private record TestRun(Object assessor, Map<String, String> files, List<RuleCases.Result> results) {
    }

    private volatile TestRun lastTests;

    /**
     * The rule tests of the version in force, run on the rules in force. Their results are kept while the same
     * rules and files stay in force, so that opening the workbench does not run them all again.
     */
    public List<RuleCases.Result> testsInForce() {
        RulesetFiles files = filesInForce();
        var assessor = active.get();
        TestRun last = lastTests;
        if (last != null && last.assessor() == assessor && last.files().equals(files.files())) {
            return last.results();
        }
        List<RuleCases.Result> results = List.copyOf(files.inFolder((dir, scorecard) -> RuleCases.run(assessor, dir)));
        lastTests = new TestRun(assessor, files.files(), results);
        return results;
    }

    /** Reads the rules folder and scorecard from disk again and activates them. */
    public Activation reloadFromFolder(String by, String reason) {
        return activate(RulesetFiles.read(properties.rulesDir(), properties.scorecard()), by, reason);
    }

    public Activation reactivate(long id, String by, String reason) {
        RulesetFiles files = versions.files(id).orElseThrow(() -> new IllegalArgumentException("没有编号为 " + id + " 的规则版本"));
        return activate(files, by, "重新启用版本 #" + id + "：" + reason);
    }

    public Activation activate(RulesetFiles files, String by, String reason) {
        lock.lock();
        try {
            candidatesCompiled.incrementAndGet();
            return files.inFolder((dir, scorecard) -> {
                Validation v = Validation.of(dir, scorecard);
                if (!v.valid()) {
                    throw new ActivationRefused(v.problems(), List.of());
                }
                Assessor next = new Assessor(v.rules(), v.scorecard());
                List<String> failed = RuleCases.run(next, dir).stream() // the candidate's own rule tests
                        .filter(r -> !r.passed())
                        .map(r -> r.file() + " — " + r.name() + "：" + String.join("；", r.failures()))
                        .toList();
                if (!failed.isEmpty()) {
                    throw new ActivationRefused(List.of(), failed);
                }
                String diff = files.diffFrom(versions.activeFiles().orElse(null));
                long id = versions.activate(v.rules().version(), v.scorecard().label(), files, by, reason, diff);
                active.swap(next, RulesConfiguration.scorecardsOf(dir, properties), id);
                return new Activation(id, v.rules().version(), v.scorecard().label(), diff);
            });
        } finally {
            lock.unlock();
        }
    }
}
