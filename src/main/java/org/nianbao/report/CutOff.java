package org.nianbao.report;

import java.util.List;

/**
 * Where a report that stops early stops: the text ends inside a table, or in the middle of a sentence, or
 * its last character was cut. The rows, parts and tables after this point were never in the text, so they
 * are reported as cut off, not as rows the agency left out.
 *
 * @param table         the table the text stops in ("2", "3", "4"), or {@code null} when it stops in running text
 * @param lastRow       the last row of that table that was read, {@code null} when none was
 * @param rowsNotReached the rows the format requires after {@code lastRow}, in printed order
 * @param line          the last line of the text
 * @param excerpt       the end of that line
 */
public record CutOff(String table, String lastRow, List<String> rowsNotReached, int line, String excerpt) {

    public CutOff {
        rowsNotReached = List.copyOf(rowsNotReached);
    }
}
