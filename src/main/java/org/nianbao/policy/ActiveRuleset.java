package org.nianbao.policy;

import java.util.concurrent.atomic.AtomicReference;
import org.nianbao.assessment.Assessor;

/**
 * The ruleset and scorecard in force, swapped atomically: an assessment takes the assessor once and finishes on
 * it, whatever is activated meanwhile, so every assessment matches exactly the version it names.
 */
public final class ActiveRuleset {

    private final AtomicReference<Assessor> current;

    public ActiveRuleset(Assessor initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Assessor get() {
        return current.get();
    }

    /** Puts {@code next} in force; returns the one it replaced. */
    public Assessor swap(Assessor next) {
        return current.getAndSet(next);
    }
}
