package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.rules.RuleSetLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service started with a warm-up compiles the rules in force once more in the background, at low priority, once it
 * has prepared its dry runs; not when a candidate has been compiled already.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:compiler-warm-up-test;DB_CLOSE_DELAY=-1", "nianbao.warm-up=3s",
        "nianbao.warm-up-compiler-delay=0s"})
class CompilerWarmUpTest {

    @Autowired
    CompilerWarmUp warmUp;
    @Autowired
    ActivationService activation;

    @Test
    void theRulesInForceAreCompiledOnceInTheBackgroundAfterTheStartAndNotAgain() throws InterruptedException {
        Thread compiling = startedByTheService();
        assertThat(compiling).as("started after the start").isNotNull();
        assertThat(compiling.isDaemon()).isTrue();
        assertThat(compiling.getPriority()).isEqualTo(Thread.MIN_PRIORITY);

        compiling.join(180_000);

        assertThat(compiling.isAlive()).isFalse();
        assertThat(RuleSetLoader.compilations()).as("a compilation, not a rule base read from the cache").isPositive();
        assertThat(warmUp.compileUnlessAsked()).as("once").isNull();
    }

    @Test
    void aCandidateCompiledBeforeItLeavesNothingToWarm() throws InterruptedException {
        startedByTheService(); // before this test's candidate, whichever test runs first
        CompilerWarmUp fresh = new CompilerWarmUp(activation, java.time.Duration.ofSeconds(3));
        activation.validate(activation.candidate(Map.of()));

        assertThat(activation.candidatesCompiled()).isPositive();
        assertThat(fresh.compileUnlessAsked()).isNull();
        assertThat(new CompilerWarmUp(activation, java.time.Duration.ZERO).compileUnlessAsked()).as("warm-up off").isNull();
    }

    /** The compilation the service's warm-up started once its dry runs were prepared; {@code null} if none in a minute. */
    private Thread startedByTheService() throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (warmUp.running() == null && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return warmUp.running();
    }
}
