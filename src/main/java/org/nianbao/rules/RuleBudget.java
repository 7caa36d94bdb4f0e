package org.nianbao.rules;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * The time a rule session may take over one report ({@code nianbao.rules.time-budget}, 2 seconds unless set). A
 * watcher thread looks at the sessions running every few hundredths of a second; one past its budget is halted — the
 * engine stops before the next rule fires — and fails with {@link RuleTimeout}, naming the rule it was at, so the
 * thread is free again and a dry run or a validation that met it stops and says which rule.
 *
 * <p>What a rule may compute between two firings is bounded by the rule language: no loops, no functions, regular
 * expressions in linear time ({@link Texts}), and rules of a limited size (see {@link RuleLanguage}).
 */
public final class RuleBudget {

    private static volatile long budgetNanos = Duration.ofSeconds(2).toNanos();
    private static final ConcurrentHashMap<Watch, Boolean> RUNNING = new ConcurrentHashMap<>();
    private static final Thread WATCHER = new Thread(RuleBudget::watch, "rule-budget");

    static {
        WATCHER.setDaemon(true);
        WATCHER.start();
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

    static Watch start() {
        Watch w = new Watch(System.nanoTime() + budgetNanos);
        RUNNING.put(w, Boolean.TRUE);
        return w;
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch w : RUNNING.keySet()) {
                if (now - w.deadline > 0) {
                    w.halt();
                }
            }
        }
    }

    /** One session watched: the rule it is at, and whether it has been stopped. */
    static final class Watch implements AgendaFilter {
        private final long deadline;
        private volatile KieSession session;
        private volatile String rule;
        private volatile boolean halted;

        Watch(long deadline) {
            this.deadline = deadline;
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

        boolean overdue() {
            return halted || System.nanoTime() - deadline > 0;
        }

        void stop() {
            RUNNING.remove(this);
        }

        RuleTimeout timeout() {
            String at = rule;
            long millis = budgetNanos / 1_000_000;
            return new RuleTimeout(at == null
                    ? "规则运行超过 %d 毫秒，已停止（停在计算规则条件时，尚无规则触发）".formatted(millis)
                    : "规则运行超过 %d 毫秒，已停止：停在规则「%s」".formatted(millis, at), at);
        }
    }
}
