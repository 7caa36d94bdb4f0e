package org.nianbao.extraction;

import java.util.List;

/** The names the extraction gives facts, for whoever must check a name against them (the rule language). */
public final class FactNames {

    private FactNames() {
    }

    /** The tables with statistics: 二, 三 and 四. */
    public static List<String> tables() {
        return TableLayout.TABLES;
    }

    /** Every row key of {@code table}, in any format year. */
    public static List<String> rows(String table) {
        return TableLayout.rowKeys(table);
    }

    /** Every column key of {@code table}, in any format year. */
    public static List<String> columns(String table) {
        return TableLayout.columnKeys(table);
    }

    /** The label the format prints for a row of {@code table}. */
    public static String rowLabel(String table, String row) {
        return TableLayout.rowLabel(table, row);
    }

    /** The label the format prints for a column of {@code table}. */
    public static String columnLabel(String table, String column) {
        return TableLayout.columnLabel(table, column);
    }

    /** What the numbers the text claims are about ({@code NarrativeClaim.subject}). */
    public static List<String> claimSubjects() {
        return NarrativeReader.claimSubjects();
    }

    /** What part 五 may leave unclear ({@code NarrativeUnsure.kind}). */
    public static List<String> unsureKinds() {
        return NarrativeReader.UNSURE_KINDS;
    }
}
