package org.nianbao.policy;

import java.time.Duration;
import org.nianbao.rules.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A dry run or a validation first compiles the candidate rules, and the first compilation in a process is the slow
 * one (the rule compiler's classes loaded, its code not yet compiled by the JIT). So once a started service has
 * prepared its dry runs, the rules in force are compiled once more in the background, as a candidate would be (with
 * every check of the rule language), and the result is thrown away; unless a candidate was compiled already, which
 * has warmed the compiler itself. Compiling beside the start-up warm-up, it ran on past the moment the service was
 * ready (8–12 s on two cores) and took a third of the processor time of a first dry run asked then, for nothing:
 * that dry run compiles its own candidate. With {@code nianbao.warm-up=0} it is not done.
 */
@Component
public class CompilerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(CompilerWarmUp.class);

    private final ActivationService activation;
    private final Duration budget;
    private volatile Thread running;

    CompilerWarmUp(ActivationService activation, @Value("${nianbao.warm-up:4s}") Duration budget) {
        this.activation = activation;
        this.budget = budget;
    }

    /**
     * Compiles the rules in force once more on a thread of its own, at low priority, unless the warm-up is off or a
     * candidate has been compiled since the start; returns that thread, or {@code null} when none was started.
     */
    public synchronized Thread compileUnlessAsked() {
        if (budget.isZero() || budget.isNegative() || running != null || activation.candidatesCompiled() > 0) {
            return null;
        }
        Thread t = new Thread(this::compileOnce, "warm-up-compiler");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        running = t;
        t.start();
        return t;
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
