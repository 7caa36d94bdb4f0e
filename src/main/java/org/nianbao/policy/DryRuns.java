package org.nianbao.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.nianbao.rules.RuleProblem;
import org.springframework.stereotype.Service;

/**
 * Dry runs started from the workbench and followed from the page while they run: how many reports there are, how
 * many are done, then the result (or why the candidate was refused). One dry run at a time uses every core; the
 * next waits its turn, and beyond {@value #AT_MOST} not yet finished another is refused ({@link TooMany}). A finished dry run is kept a quarter of an hour for its page, and is seen only by whoever
 * started it.
 */
@Service
public class DryRuns {

    private static final Duration KEPT = Duration.ofMinutes(15);
    /** Dry runs waiting or running at most: each holds a candidate ruleset and takes every core for seconds. */
    static final int AT_MOST = 4;

    /** As many dry runs as the service takes at once are waiting or running already. */
    public static final class TooMany extends RuntimeException {
        TooMany() {
            super("已有 " + AT_MOST + " 次试算在进行或排队，请稍后再试 (too many dry runs at once; try again shortly)");
        }
    }

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dry-run");
        t.setDaemon(true);
        return t;
    });

    /** One dry run: its progress while it runs, then its result or its problems. */
    public static final class Run implements DryRunProgress {
        private final String id;
        private final String owner;
        private final AtomicInteger total = new AtomicInteger(-1);
        private final AtomicInteger done = new AtomicInteger();
        private volatile List<DryRun> result;
        private volatile List<RuleProblem> problems;
        private volatile List<String> failedTests;
        private volatile String error;
        private volatile Instant finished;

        Run(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        public String id() {
            return id;
        }

        /** {@code waiting}, {@code running}, {@code done}, {@code refused} (the candidate has problems) or {@code failed}. */
        public String state() {
            if (result != null) {
                return "done";
            }
            if (problems != null) {
                return "refused";
            }
            if (error != null) {
                return "failed";
            }
            return total.get() < 0 ? "waiting" : "running";
        }

        /** The reports the dry run assesses; -1 before it has counted them. */
        public int total() {
            return total.get();
        }

        public int done() {
            return done.get();
        }

        public List<DryRun> result() {
            return result;
        }

        public List<RuleProblem> problems() {
            return problems;
        }

        public List<String> failedTests() {
            return failedTests;
        }

        public String error() {
            return error;
        }

        @Override
        public void started(int reports) {
            total.set(reports);
        }

        @Override
        public void done(int reports) {
            done.accumulateAndGet(reports, Math::max);
        }
    }

    /**
     * Starts {@code dryRun} (which reports to {@code Run}) in the background and returns it at once.
     *
     * @throws TooMany when {@value #AT_MOST} are waiting or running already
     */
    public synchronized Run start(String owner, Function<DryRunProgress, List<DryRun>> dryRun) {
        forgetOld();
        if (runs.values().stream().filter(r -> r.finished == null).count() >= AT_MOST) {
            throw new TooMany();
        }
        Run run = new Run(UUID.randomUUID().toString(), owner);
        runs.put(run.id, run);
        worker.execute(() -> {
            try {
                run.result = List.copyOf(dryRun.apply(run));
            } catch (ActivationRefused e) {
                run.failedTests = e.failedTests();
                run.problems = e.problems();
            } catch (RuntimeException e) {
                run.error = String.valueOf(e.getMessage());
            } finally {
                run.finished = Instant.now();
            }
        });
        return run;
    }

    /** The dry run of this id, if {@code owner} started it and it is still kept. */
    public Optional<Run> find(String id, String owner) {
        Run run = runs.get(id);
        return run != null && run.owner.equals(owner) ? Optional.of(run) : Optional.empty();
    }

    private void forgetOld() {
        Instant before = Instant.now().minus(KEPT);
        runs.values().removeIf(r -> r.finished != null && r.finished.isBefore(before));
    }
}
