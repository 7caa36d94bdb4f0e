package org.nianbao.policy;

import java.util.concurrent.atomic.AtomicReference;
import org.nianbao.assessment.Assessor;

/**
 * The ruleset and scorecard in force, with the scorecards kept beside it in the same version, swapped atomically:
 * an assessment takes the assessor once and finishes on it, whatever is activated meanwhile, so every assessment
 * matches exactly the version it names.
 */
public final class ActiveRuleset {

    private record InForce(Assessor assessor, Scorecards scorecards) {
    }

    private final AtomicReference<InForce> current;

    public ActiveRuleset(Assessor initial) {
        this(initial, Scorecards.none());
    }

    public ActiveRuleset(Assessor initial, Scorecards scorecards) {
        this.current = new AtomicReference<>(new InForce(initial, scorecards));
    }

    public Assessor get() {
        return current.get().assessor();
    }

    /** The scorecards of the version in force that a request may choose instead of the one in force. */
    public Scorecards scorecards() {
        return current.get().scorecards();
    }

    /** Puts {@code next} in force, keeping the scorecards; returns the assessor it replaced. */
    public Assessor swap(Assessor next) {
        return current.getAndUpdate(c -> new InForce(next, c.scorecards())).assessor();
    }

    /** Puts {@code next} and its version's scorecards in force; returns the assessor it replaced. */
    public Assessor swap(Assessor next, Scorecards scorecards) {
        return current.getAndSet(new InForce(next, scorecards)).assessor();
    }
}
