package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.scoring.ScorecardLoader;

/** A rule session runs within its time budget: past it, it is halted, says which rule it was at, and frees its thread. */
class RuleBudgetTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToTheDefault() {
        RuleBudget.set(Duration.ofSeconds(2));
    }

    /** A rule that fires once for every cell of the report, each time searching a long text. */
    private static final String SLOW = """
            package rules.slow;
            import org.nianbao.report.*;
            import org.nianbao.rules.Texts;
            global org.nianbao.rules.Findings findings;

            rule "SLOW-EVERY-CELL"
                @check("C1") @severity("info")
            when
                accumulate( TableCell($r : row); $rows : collectList($r) )
                $c : TableCell()
            then
                String all = String.join(",", $rows);
                String longer = all + all + all + all + all + all + all + all;
                if (Texts.contains(longer + longer, "(x|y|[a-z_,])*Q")) {
                    findings.report(drools, "不会出现", null);
                }
            end
            """;

    private Assessor slowRules() throws Exception {
        Files.copy(Samples.RULES.resolve(RuleSetLoader.STATEMENTS_FILE), dir.resolve(RuleSetLoader.STATEMENTS_FILE));
        Files.writeString(dir.resolve("slow.drl"), SLOW);
        return new Assessor(RuleSetLoader.compile(dir).ruleSet(), ScorecardLoader.load(Samples.SCORECARD));
    }

    @Test
    void aSessionPastItsBudgetIsHaltedWithinItAndNamesTheRule() throws Exception {
        Assessor assessor = slowRules();
        String sample = Samples.NAMES.get(0);
        RuleBudget.set(Duration.ofSeconds(30));
        long unbounded = System.nanoTime();
        assertThat(assessor.assess(sample, Samples.bytes(sample), AssessmentOptions.NONE).findings())
                .as("within its budget, the session runs to the end").noneMatch(f -> f.ruleId().equals("SLOW-EVERY-CELL"));
        Duration whole = Duration.ofNanos(System.nanoTime() - unbounded);

        RuleBudget.set(Duration.ofMillis(100));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        RuleTimeout stopped = catchThrowableOfType(RuleTimeout.class,
                () -> assessor.assess(sample, Samples.bytes(sample), AssessmentOptions.NONE));
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);

        assertThat(whole).as("the rule alone takes longer than the budget").isGreaterThan(Duration.ofMillis(400));
        assertThat(stopped).isNotNull();
        assertThat(stopped.rule()).isEqualTo("SLOW-EVERY-CELL");
        assertThat(stopped.getMessage()).contains("SLOW-EVERY-CELL").contains("100 毫秒");
        // the report's reading and extraction come on top of the session's 100 ms (about 5 ms warm)
        assertThat(took).as("processor time used: stopped within the budget and the watcher's beat")
                .isLessThan(Duration.ofMillis(300));
    }

    @Test
    void afterTheHaltNoThreadIsLeftRunningTheRule() throws Exception {
        Assessor assessor = slowRules();
        RuleBudget.set(Duration.ofMillis(100));
        String sample = Samples.NAMES.get(1);
        catchThrowableOfType(RuleTimeout.class, () -> assessor.assess(sample, Samples.bytes(sample), AssessmentOptions.NONE));
        Thread.sleep(100);
        assertThat(Thread.getAllStackTraces().values()).noneMatch(stack -> Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().contains("SLOW") || f.getClassName().contains("re2j")));
    }

    @Test
    void aBudgetOfNothingIsRefused() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> RuleBudget.set(Duration.ZERO))).isNotNull();
    }
}
