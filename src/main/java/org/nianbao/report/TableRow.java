package org.nianbao.report;

/**
 * A row of table 2, 3 or 4 that the report has: at least one of its cells was read. Rules that ask whether a row
 * (or a table) is there ask this, rather than looking through every cell.
 *
 * @param table "2", "3" or "4"
 * @param row   the row's canonical key, e.g. {@code new_received}
 * @param line  the source line of the row's first cell
 */
public record TableRow(String table, String row, int line) {
}
