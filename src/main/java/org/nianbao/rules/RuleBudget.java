package org.nianbao.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * The processor time a rule session may take over one report ({@code nianbao.rules.time-budget}, 2 seconds unless
 * set). A watcher thread looks at the sessions running every few hundredths of a second; one past its budget is
 * halted — the engine stops before the next rule fires — and fails with {@link RuleTimeout}, naming the rule it was
 * at, so the thread is free again and a dry run or a validation that met it stops and says which rule.
 *
 * <p>Processor time, not time on the clock: a machine busy with other work, or a dry run on every core, slows each
 * session down without making its rules any worse. The first session of a ruleset may take ten times the budget:
 * the engine compiles each condition when it first evaluates it. (Where the JVM cannot tell a thread's processor
 * time, time on the clock is counted instead.)
 *
 * <p>What a rule may compute between two firings is bounded by the rule language: no loops, no functions, regular
 * expressions in linear time ({@link Texts}), and rules of a limited size (see {@link RuleLanguage}).
 */
public final class RuleBudget {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    private static final int FIRST_SESSION_ALLOWANCE = 10;
    private static volatile long budgetNanos = Duration.ofSeconds(2).toNanos();
    private static final ConcurrentHashMap<Watch, Boolean> RUNNING = new ConcurrentHashMap<>();

    static {
        Thread watcher = new Thread(RuleBudget::watch, "rule-budget");
        watcher.setDaemon(true);
        watcher.start();
    }

    private RuleBudget() {
    }

    /** Sets the budget of every rule session from now on. */
    public static void set(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("规则运行时限须大于 0 (the rule time budget must be positive)");
        }
        budgetNanos = budget.toNanos();
    }

    public static Duration get() {
        return Duration.ofNanos(budgetNanos);
    }

    /** Starts watching a session about to run on this thread; {@code first}: the ruleset's first session. */
    static Watch start(boolean first) {
        long budget = first ? budgetNanos * FIRST_SESSION_ALLOWANCE : budgetNanos;
        Watch w = new Watch(Thread.currentThread(), used(Thread.currentThread()), budget);
        RUNNING.put(w, Boolean.TRUE);
        return w;
    }

    /** The processor time {@code thread} has used (or the clock, where that cannot be told). */
    private static long used(Thread thread) {
        if (CPU_TIME) {
            long t = thread == Thread.currentThread() ? THREADS.getCurrentThreadCpuTime()
                    : THREADS.getThreadCpuTime(thread.getId());
            if (t >= 0) {
                return t;
            }
        }
        return System.nanoTime();
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            for (Watch w : RUNNING.keySet()) {
                if (w.spent() > w.budget) {
                    w.halt();
                }
            }
        }
    }

    /** One session watched: its thread, the rule it is at, and whether it has been stopped. */
    static final class Watch implements AgendaFilter {
        private final Thread thread;
        private final long start;
        private final long budget;
        private volatile KieSession session;
        private volatile String rule;
        private volatile boolean halted;

        Watch(Thread thread, long start, long budget) {
            this.thread = thread;
            this.start = start;
            this.budget = budget;
        }

        long spent() {
            return used(thread) - start;
        }

        void watching(KieSession s) {
            session = s;
        }

        /** Before each firing: the rule about to fire is the one the session is at; past the budget, nothing fires. */
        @Override
        public boolean accept(Match match) {
            rule = match.getRule().getName();
            return !halted;
        }

        private void halt() {
            if (!halted) {
                halted = true;
                KieSession s = session;
                if (s != null) {
                    s.halt();
                }
            }
        }

        /** Whether the session was stopped, or has used up its budget by now (asked on its own thread). */
        boolean overdue() {
            return halted || spent() > budget;
        }

        void stop() {
            RUNNING.remove(this);
        }

        RuleTimeout timeout() {
            String at = rule;
            long millis = budget / 1_000_000;
            String unit = CPU_TIME ? "毫秒处理器时间" : "毫秒";
            return new RuleTimeout(at == null
                    ? "规则运行超过 %d %s，已停止（停在计算规则条件时，尚无规则触发）".formatted(millis, unit)
                    : "规则运行超过 %d %s，已停止：停在规则「%s」".formatted(millis, unit, at), at);
        }
    }
}
