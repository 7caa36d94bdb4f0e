package org.nianbao.report;

/**
 * Something the reader could not read with certainty (a table row whose cells could not all be placed).
 * It is about the reading, not the report, and becomes an {@code info} finding.
 *
 * @param table the table concerned ("2", "3", "4") or {@code null}
 * @param row   the row whose values could not be read, or {@code null}: the row is in the report, so it is not
 *              missing, but its numbers are unknown
 */
public record ExtractionNote(String table, int line, String message, String row) {

    public ExtractionNote(String table, int line, String message) {
        this(table, line, message, null);
    }
}
