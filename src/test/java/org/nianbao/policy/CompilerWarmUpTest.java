package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nianbao.rules.RuleSetLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A service started with a warm-up compiles the rules in force once more in the background, at low priority. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:warm-up-test;DB_CLOSE_DELAY=-1", "nianbao.warm-up=3s"})
class CompilerWarmUpTest {

    @Autowired
    CompilerWarmUp warmUp;

    @Test
    void theRulesInForceAreCompiledOnceInTheBackgroundAfterTheStart() throws InterruptedException {
        Thread compiling = warmUp.running();
        assertThat(compiling).as("started at start").isNotNull();
        assertThat(compiling.isDaemon()).isTrue();
        assertThat(compiling.getPriority()).isEqualTo(Thread.MIN_PRIORITY);

        compiling.join(180_000);

        assertThat(compiling.isAlive()).isFalse();
        assertThat(RuleSetLoader.compilations()).as("a compilation, not a rule base read from the cache").isPositive();
    }
}
