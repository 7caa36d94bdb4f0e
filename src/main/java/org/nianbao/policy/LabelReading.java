package org.nianbao.policy;

import org.nianbao.assessment.Assessor;

/** What a table label is read as with a ruleset's label catalogue: 「row results_total」, 「column total」, or 「none」. */
final class LabelReading {

    private LabelReading() {
    }

    static String of(Assessor assessor, String table, String label) {
        return assessor.rules().labels().reading(table == null ? "3" : table, label);
    }
}
