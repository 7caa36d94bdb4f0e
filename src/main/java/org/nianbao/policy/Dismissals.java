package org.nianbao.policy;

import java.util.Set;

/**
 * The findings reviewers dismissed in a stored report, by the report's SHA-256: every assessment of the report
 * leaves them out, a dry run's two sides too.
 */
@FunctionalInterface
public interface Dismissals {

    /** None dismissed anywhere. */
    Dismissals NONE = sha -> Set.of();

    /** The fingerprints of the findings dismissed in the report of this SHA-256. */
    Set<String> dismissed(String sha256);

    /** The same for many reports at once, by SHA-256 (a report with none dismissed may be missing). */
    default java.util.Map<String, Set<String>> dismissedIn(java.util.Collection<String> sha256s) {
        java.util.Map<String, Set<String>> all = new java.util.HashMap<>();
        sha256s.forEach(sha -> all.put(sha, dismissed(sha)));
        return all;
    }
}
