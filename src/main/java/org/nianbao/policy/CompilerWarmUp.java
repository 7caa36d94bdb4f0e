package org.nianbao.policy;

import java.time.Duration;
import org.nianbao.rules.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A dry run or a validation first compiles the candidate rules, and the first compilation in a process is the slow
 * one (the rule compiler's classes loaded, its code not yet compiled by the JIT). So as the service starts, the
 * rules in force are compiled once more in the background, as a candidate would be (with every check of the rule
 * language), beside the warm-up ({@code WarmUp}) and mostly before the service says it is ready; the result is thrown
 * away. Started after the warm-up, it ran into the first dry run of a service just started and took a third of its
 * processor time. With {@code nianbao.warm-up=0} it is not done.
 */
@Component
@Order(50)
class CompilerWarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CompilerWarmUp.class);

    private final ActivationService activation;
    private final Duration budget;
    private volatile Thread running;

    CompilerWarmUp(ActivationService activation, @Value("${nianbao.warm-up:4s}") Duration budget) {
        this.activation = activation;
        this.budget = budget;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (budget.isZero() || budget.isNegative()) {
            return;
        }
        Thread t = new Thread(this::compileOnce, "warm-up-compiler");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        running = t;
        t.start();
    }

    /** The background compilation, for a test to wait for; {@code null} when none was started. */
    Thread running() {
        return running;
    }

    private void compileOnce() {
        long start = System.nanoTime();
        try {
            activation.filesInForce().inFolder((dir, scorecard) -> RuleSetLoader.compile(dir));
            LOG.info("规则编译预热 (compiler warm-up): {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("规则编译预热未完成 (compiler warm-up failed): {}", e.toString());
        }
    }
}
