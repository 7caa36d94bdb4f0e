package org.nianbao.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service started with a warm-up budget scores the reports it carries before it is ready, within the budget
 * (give or take the one report each core is scoring when it runs out).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:warm-up-test;DB_CLOSE_DELAY=-1", "nianbao.warm-up=3s"})
class WarmUpTest {

    @Autowired
    WarmUp warmUp;

    @Test
    void theCarriedReportsAreScoredBeforeTheServiceIsReadyWithinTheBudget() {
        WarmUp.Result result = warmUp.last();
        assertThat(result).as("a warm-up ran at start").isNotNull();
        assertThat(result.reports()).isEqualTo(WarmUp.carried().size()).isGreaterThanOrEqualTo(5);
        assertThat(result.assessed()).isPositive();
        assertThat(result.rounds()).isPositive();
        assertThat(result.millis()).as("bounded by the budget").isLessThan(3_000 + 5_000);
    }

    @Test
    void theCarriedReportsAreTheRuleTestsReportsOfTheBundle() {
        assertThat(WarmUp.carried()).extracting(d -> d.text().name())
                .contains("000_0b909c2a4ee59f11.txt", "004_e93a6eea8c407df3.txt");
    }
}
