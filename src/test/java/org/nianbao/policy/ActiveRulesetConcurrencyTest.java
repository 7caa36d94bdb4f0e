package org.nianbao.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.ScorecardLoader;
import static org.assertj.core.api.Assertions.assertThat;


/** 8 threads assess a sample continuously while the ruleset is swapped at least 50 times, over 200 assessments or more. */
class ActiveRulesetConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void everyAssessmentMatchesExactlyTheVersionItNames() throws Exception {
        Samples.copyRules(dir);
        Files.copy(Samples.RULES.resolve("examples/problems.dslr"), dir.resolve("problems.dslr"));
        Assessor plain = Samples.assessor();
        Assessor extended = new Assessor(RuleSetLoader.load(dir), ScorecardLoader.load(Samples.SCORECARD));
        String extendedVersion = extended.rules().version();
        assertThat(extendedVersion).isNotEqualTo(plain.rules().version());

        ActiveRuleset active = new ActiveRuleset(plain);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger assessed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String sample = "004_e93a6eea8c407df3.txt"; // one problem listed: the extended ruleset's DSL-PROBLEMS-TOO-FEW fires
        byte[] bytes = Samples.bytes(sample);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                started.countDown();
                while (!stop.get()) {
                    try {
                        Assessment a = active.get().assess(sample, bytes, AssessmentOptions.NONE);
                        boolean extendedRuleFired = a.findings().stream().anyMatch(f -> f.ruleId().equals("DSL-PROBLEMS-TOO-FEW"));
                        boolean namesExtended = a.ruleset().version().equals(extendedVersion);
                        if (extendedRuleFired != namesExtended) {
                            problems.add("version " + a.ruleset().version() + " but extended rule fired: " + extendedRuleFired);
                        }
                        assessed.incrementAndGet();
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                }
            });
        }
        started.await();
        // at least 50 swaps, and on until 200 reports were assessed meanwhile (however busy the machine), within a minute
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int swaps = 0;
        while ((swaps < 50 || assessed.get() < 200) && System.nanoTime() < until) {
            active.swap(swaps % 2 == 0 ? extended : plain);
            swaps++;
            Thread.sleep(10);
        }
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(problems).isEmpty();
        assertThat(swaps).isGreaterThanOrEqualTo(50);
        assertThat(assessed.get()).isGreaterThanOrEqualTo(200);
    }
}
