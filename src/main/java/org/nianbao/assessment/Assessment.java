package org.nianbao.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nianbao.rules.Finding;
import org.nianbao.scoring.CategoryScore;
import org.nianbao.scoring.CheckResult;

/**
 * One report's assessment, in the shape every consumer reads (REST API, command line, database, exports).
 * Field names are English; messages for people are Chinese.
 */
@JsonPropertyOrder({"id", "source", "report", "ruleset", "score", "maxScore", "grade", "categories", "checks",
        "findings", "flags", "facts"})
public record Assessment(@JsonInclude(JsonInclude.Include.NON_NULL) Long id, String source, ReportSummary report,
                         Ruleset ruleset, double score, double maxScore, String grade,
                         List<CategoryScore> categories, List<CheckResult> checks, List<Finding> findings,
                         List<String> flags, @JsonInclude(JsonInclude.Include.NON_NULL) Facts facts) {

    /**
     * The report's metadata. {@code publishedOn} is an ISO date or null; {@code completeness} is {@code full},
     * {@code cut_off} (the text stops in a part, a table or a character) or {@code draft} (parts missing).
     */
    public record ReportSummary(String agency, Integer year, String format, String level, String publishedOn,
                                String publishedOnSource, String completeness) {
    }

    /** The versions of the rules and the scorecard that produced the assessment. */
    public record Ruleset(String version, String scorecard) {
    }

    /** What was extracted: the sections found and every numeric table cell. */
    public record Facts(List<Integer> sections, List<Cell> cells) {
    }

    /** A table cell as exported: {@code value} is a whole number when it is one, null when blank. */
    public record Cell(String table, String row, String column, Number value, String raw, int line) {
    }

    public Assessment withId(Long newId) {
        return new Assessment(newId, source, report, ruleset, score, maxScore, grade, categories, checks, findings,
                flags, facts);
    }

    public Assessment withoutFacts() {
        return new Assessment(id, source, report, ruleset, score, maxScore, grade, categories, checks, findings, flags,
                null);
    }
}
