package org.nianbao.policy;

import java.util.concurrent.atomic.AtomicReference;
import org.nianbao.assessment.Assessor;

/**
 * The ruleset and scorecard in force, with the scorecards kept beside it in the same version, swapped atomically:
 * an assessment takes the assessor once and finishes on it, whatever is activated meanwhile, so every assessment
 * matches exactly the version it names. A new version is built completely before it is swapped in, so no
 * assessment ever runs on a half-loaded one.
 */
public final class ActiveRuleset {

    /** What is in force: the assessor, its version's scorecards, and the stored version's id (0: none stored). */
    public record InForce(Assessor assessor, Scorecards scorecards, long versionId) {
    }

    private final AtomicReference<InForce> current;

    public ActiveRuleset(Assessor initial) {
        this(initial, Scorecards.none());
    }

    public ActiveRuleset(Assessor initial, Scorecards scorecards) {
        this(initial, scorecards, 0);
    }

    public ActiveRuleset(Assessor initial, Scorecards scorecards, long versionId) {
        this.current = new AtomicReference<>(new InForce(initial, scorecards, versionId));
    }

    public Assessor get() {
        return current.get().assessor();
    }

    /** The scorecards of the version in force that a request may choose instead of the one in force. */
    public Scorecards scorecards() {
        return current.get().scorecards();
    }

    /** The whole of what is in force, read at once. */
    public InForce inForce() {
        return current.get();
    }

    /** Puts {@code next} in force, keeping the scorecards; returns the assessor it replaced. */
    public Assessor swap(Assessor next) {
        return current.getAndUpdate(c -> new InForce(next, c.scorecards(), c.versionId())).assessor();
    }

    /** Puts {@code next} and its version's scorecards in force; returns the assessor it replaced. */
    public Assessor swap(Assessor next, Scorecards scorecards) {
        return swap(next, scorecards, 0);
    }

    /** Puts the stored version {@code versionId} in force; returns the assessor it replaced. */
    public Assessor swap(Assessor next, Scorecards scorecards, long versionId) {
        return current.getAndSet(new InForce(next, scorecards, versionId)).assessor();
    }

    /** Puts {@code next} in force only if {@code seen} is still what is in force (nothing else was swapped in meanwhile). */
    public boolean replace(InForce seen, InForce next) {
        return current.compareAndSet(seen, next);
    }
}
