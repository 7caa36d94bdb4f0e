package org.nianbao.policy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Outcome;

/**
 * What the rules in force made of stored reports in dry runs (and in the warm-up), kept while those rules stay in
 * force: the next dry run over the same reports runs only the candidate. A stored report's side is known again by
 * its assessment, a digest of the facts it was assessed from (another once a re-score replaces them) and the
 * findings reviewers dismissed in it; another ruleset in force, and everything is forgotten. At most {@link #MOST}
 * are kept (about 3 KB each, 30 MB in all); past that a dry run assesses the rest with the rules in force as before.
 */
final class InForceSides {

    static final int MOST = 10_000;

    private record Key(long assessment, long facts, Set<String> dismissed) {
    }

    private record Kept(Assessor inForce, ConcurrentHashMap<Key, Outcome> sides) {
    }

    private volatile Kept kept = new Kept(null, new ConcurrentHashMap<>());

    /** The side {@code inForce} made of this stored assessment's facts, if kept. */
    Outcome get(Assessor inForce, long assessment, long facts, Set<String> dismissed) {
        Kept now = kept;
        return now.inForce() == inForce ? now.sides().get(new Key(assessment, facts, Set.copyOf(dismissed))) : null;
    }

    /** Keeps the side {@code inForce} made of this stored assessment's facts. */
    void put(Assessor inForce, long assessment, long facts, Set<String> dismissed, Outcome side) {
        Kept now = kept;
        if (now.inForce() != inForce) {
            synchronized (this) {
                if (kept.inForce() != inForce) {
                    kept = new Kept(inForce, new ConcurrentHashMap<>());
                }
                now = kept;
            }
        }
        if (now.sides().size() < MOST) {
            now.sides().put(new Key(assessment, facts, Set.copyOf(dismissed)), side);
        }
    }

    /** How many sides are kept for {@code inForce}. */
    int size(Assessor inForce) {
        Kept now = kept;
        return now.inForce() == inForce ? now.sides().size() : 0;
    }
}
