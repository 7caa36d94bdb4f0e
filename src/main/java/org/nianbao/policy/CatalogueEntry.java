package org.nianbao.policy;

import java.util.List;
import org.nianbao.rules.RuleInfo;
import org.nianbao.scoring.Scorecard;

/**
 * A rule as the catalogue shows it: what it checks, where it is written, and what it costs under a scorecard.
 *
 * @param points     the check's points in the scorecard
 * @param deduction  what one finding of this rule deducts (the rule's own amount, else the check's per-finding
 *                   amount); {@code null} when it deducts by bands of a measure (e.g. days late)
 */
public record CatalogueEntry(String id, String check, String checkName, String category, String severity,
                             Double points, Double deduction, String description, String file, int line) {

    public static List<CatalogueEntry> of(List<RuleInfo> rules, Scorecard card) {
        return rules.stream().map(r -> {
            Scorecard.Check check = card.check(r.check());
            Double points = check == null ? null : check.points();
            Double deduction = null;
            if ("info".equals(r.severity())) {
                deduction = 0.0; // a note: it costs nothing
            } else if (check != null) {
                Scorecard.Deduction d = check.deductions().get(r.id());
                if (d != null) {
                    deduction = d.bands().isEmpty() ? d.points() : null;
                } else if (r.points() != null) {
                    deduction = r.points(); // the rule's own 「扣N分」, when the scorecard names none for it
                } else {
                    deduction = check.perFinding() != null ? check.perFinding() : Double.valueOf(check.points());
                }
            }
            return new CatalogueEntry(r.id(), r.check(), check == null ? null : check.name(),
                    check == null ? r.category() : check.category(), r.severity(), points, deduction, r.description(),
                    r.file(), r.line());
        }).toList();
    }
}
