package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nianbao.rules.RuleProblem;

class DryRunsTest {

    private final DryRuns dryRuns = new DryRuns();

    @Test
    void aDryRunTellsHowFarItHasGotThenItsResultAndOnlyToWhoStartedIt() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        DryRuns.Run run = dryRuns.start("zhang", progress -> {
            progress.started(4);
            progress.done(2);
            halfway.countDown();
            await(goOn);
            progress.done(4);
            List<DryRun> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(DryRun.failed("r" + i, "x"));
            }
            return runs;
        });

        assertThat(halfway.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(run.state()).isEqualTo("running");
        assertThat(run.total()).isEqualTo(4);
        assertThat(run.done()).isEqualTo(2);
        assertThat(run.result()).isNull();
        goOn.countDown();
        until(() -> run.state().equals("done"));
        assertThat(run.done()).isEqualTo(4);
        assertThat(run.result()).extracting(DryRun::source).containsExactly("r0", "r1", "r2", "r3");

        assertThat(dryRuns.find(run.id(), "zhang")).containsSame(run);
        assertThat(dryRuns.find(run.id(), "li")).isEmpty();
        assertThat(dryRuns.find("no-such-run", "zhang")).isEmpty();
    }

    @Test
    void aRefusedCandidateIsToldWithItsProblemsAndAFailureWithItsMessage() throws Exception {
        DryRuns.Run refused = dryRuns.start("zhang", progress -> {
            throw new ActivationRefused(List.of(new RuleProblem("a.drl", 3, "语法错误")), List.of("tests/x.yaml — 用例"));
        });
        DryRuns.Run failed = dryRuns.start("zhang", progress -> {
            throw new IllegalStateException("数据库不可用");
        });

        until(() -> !failed.state().equals("waiting") && !failed.state().equals("running"));
        assertThat(refused.state()).isEqualTo("refused");
        assertThat(refused.problems()).extracting(RuleProblem::line).containsExactly(3);
        assertThat(refused.failedTests()).containsExactly("tests/x.yaml — 用例");
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("数据库不可用");
    }

    @Test
    void beyondFourUnfinishedAnotherIsRefusedUntilOneFinishes() throws Exception {
        CountDownLatch goOn = new CountDownLatch(1);
        List<DryRuns.Run> held = new ArrayList<>();
        for (int i = 0; i < DryRuns.AT_MOST; i++) {
            held.add(dryRuns.start("zhang", progress -> {
                await(goOn);
                return List.of();
            }));
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dryRuns.start("li", progress -> List.of()))
                .isInstanceOf(DryRuns.TooMany.class).hasMessageContaining("稍后再试");
        goOn.countDown();
        until(() -> held.stream().allMatch(r -> r.state().equals("done")));
        DryRuns.Run next = dryRuns.start("li", progress -> List.of());
        until(() -> next.state().equals("done"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean() && Instant.now().isBefore(end)) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
