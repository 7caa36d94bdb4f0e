package org.nianbao.rules;

/**
 * What a person needs to find and fix a problem: the table cell (table, row, column and the numbers
 * compared) or the place in the text (section, line, excerpt).
 */
public record Evidence(Integer section, String table, String row, String column,
                       Double expected, Double actual, Integer line, String excerpt) {

    public static final Evidence NONE = new Evidence(null, null, null, null, null, null, null, null);
}
