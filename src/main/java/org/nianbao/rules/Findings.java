package org.nianbao.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.nianbao.report.TableCell;

/**
 * The rules' notebook: each rule reports what it found here (the global {@code findings} in every rule file).
 * The rule's name is the finding's id; its {@code @check} and {@code @severity} attributes say which check of the
 * scorecard it counts against and how serious it is.
 */
public final class Findings {

    private final List<Finding> found = new ArrayList<>();
    private final Set<String> notApplicable = new LinkedHashSet<>();

    /** A problem with a table cell, citing the numbers compared. */
    public void cell(KnowledgeHelper drools, TableCell cell, Double expected, Double actual, String message,
                     String suggestion) {
        add(drools, new Evidence(null, cell.table(), cell.row(), cell.column(), expected, actual, cell.line(), null),
                message, suggestion, null);
    }

    /** A problem with a table row or column that is not there (no cell to cite). */
    public void table(KnowledgeHelper drools, String table, String row, String column, String message,
                      String suggestion) {
        add(drools, new Evidence(null, table, row, column, null, null, null, null), message, suggestion, null);
    }

    /** A problem in the text: the section, the line and an excerpt. */
    public void text(KnowledgeHelper drools, Integer section, Integer line, String excerpt, String message,
                     String suggestion) {
        add(drools, new Evidence(section, null, null, null, null, null, line, excerpt), message, suggestion, null);
    }

    /** A narrative number that contradicts a table: the line and the two numbers. */
    public void claim(KnowledgeHelper drools, int section, int line, String excerpt, String table, String row,
                      String column, double expected, double actual, String message, String suggestion) {
        add(drools, new Evidence(section, table, row, column, expected, actual, line, excerpt), message, suggestion,
                null);
    }

    /** A problem with the report as a whole. */
    public void report(KnowledgeHelper drools, String message, String suggestion) {
        add(drools, Evidence.NONE, message, suggestion, null);
    }

    /** A problem whose weight the scorecard decides by a measure (e.g. days late). */
    public void measured(KnowledgeHelper drools, double measure, Integer line, String message, String suggestion) {
        add(drools, new Evidence(null, null, null, null, null, measure, line, null), message, suggestion, measure);
    }

    /**
     * The check cannot be made on this report (a missing input, not a failure): it is left out of the score,
     * and an {@code info} finding says why.
     */
    public void notApplicable(KnowledgeHelper drools, String message, String... checks) {
        Set<String> marked = new LinkedHashSet<>(List.of(checks));
        if (marked.isEmpty()) {
            marked.add(meta(drools, "check"));
        }
        notApplicable.addAll(marked);
        for (String check : marked) {
            found.add(new Finding(drools.getRule().getName(), check, null, "info", null, message, null,
                    Evidence.NONE, null, null, true));
        }
    }

    public List<Finding> found() {
        return List.copyOf(found);
    }

    public Set<String> notApplicable() {
        return Set.copyOf(notApplicable);
    }

    private void add(KnowledgeHelper drools, Evidence evidence, String message, String suggestion, Double measure) {
        add(drools, evidence, message, suggestion, measure, null);
    }

    private void add(KnowledgeHelper drools, Evidence evidence, String message, String suggestion, Double measure,
                     Double points) {
        found.add(new Finding(drools.getRule().getName(), meta(drools, "check"), null, meta(drools, "severity"), null,
                message, suggestion, evidence, measure, points, false));
    }

    // the same, with the deduction the rule itself asks for (used when the scorecard names none for the rule) ----

    public void report(KnowledgeHelper drools, String message, String suggestion, double points) {
        add(drools, Evidence.NONE, message, suggestion, null, points);
    }

    public void cell(KnowledgeHelper drools, TableCell cell, String message, String suggestion, double points) {
        add(drools, new Evidence(null, cell.table(), cell.row(), cell.column(), null, cell.value(), cell.line(), null),
                message, suggestion, null, points);
    }

    public void text(KnowledgeHelper drools, Integer section, String message, String suggestion, double points) {
        add(drools, new Evidence(section, null, null, null, null, null, null, null), message, suggestion, null, points);
    }

    private static String meta(KnowledgeHelper drools, String key) {
        Map<String, Object> meta = drools.getRule().getMetaData();
        Object value = meta.get(key);
        if (value == null) {
            throw new IllegalStateException("规则「" + drools.getRule().getName() + "」缺少 @" + key + " 属性");
        }
        return value.toString().replace("\"", "");
    }
}
