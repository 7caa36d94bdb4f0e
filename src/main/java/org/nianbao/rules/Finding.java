package org.nianbao.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One problem a rule found. {@code category} and {@code deduction} are filled in by the scorecard;
 * {@code measure} is what the rule measured when the scorecard deducts by bands (e.g. days late);
 * {@code points} is the deduction the rule itself asks for (a sentence such as 「扣2分」), used when the
 * scorecard names no amount for the rule.
 */
@JsonPropertyOrder({"ruleId", "check", "category", "severity", "deduction", "message", "suggestion", "evidence"})
public record Finding(String ruleId, String check, String category, String severity, Double deduction,
                      String message, String suggestion, Evidence evidence,
                      @JsonIgnore Double measure, @JsonIgnore Double points, @JsonIgnore Boolean marksNotApplicable) {

    /**
     * What identifies this finding across assessments of the same report (a re-score, a new ruleset): its rule and
     * the place it cites — the table cell, row or column, or the part and the excerpt; never a line number.
     */
    @JsonIgnore
    public String fingerprint() {
        Evidence e = evidence == null ? Evidence.NONE : evidence;
        StringBuilder place = new StringBuilder(ruleId);
        if (e.table() != null) {
            place.append("@表").append(e.table()).append('/').append(e.row() == null ? "" : e.row())
                    .append('/').append(e.column() == null ? "" : e.column());
        } else if (e.section() != null || e.excerpt() != null) {
            place.append("@第").append(e.section() == null ? "" : e.section()).append("部分/")
                    .append(e.excerpt() == null ? "" : e.excerpt().strip());
        }
        return place.toString();
    }

    public Finding scored(String newCategory, double newDeduction) {
        return new Finding(ruleId, check, newCategory, severity, newDeduction, message, suggestion, evidence, measure,
                points, marksNotApplicable);
    }

    /** The finding only says its check could not be made (it deducts nothing). */
    @JsonIgnore
    public boolean onlyMarksNotApplicable() {
        return Boolean.TRUE.equals(marksNotApplicable);
    }

    @JsonIgnore
    public boolean isErrorOrWarning() {
        return "error".equals(severity) || "warning".equals(severity);
    }
}
