package org.nianbao.report;

import java.util.List;

/**
 * A row of table 2, 3 or 4 that the report has: at least one of its cells was read. Rules that ask whether a row
 * (or a table) is there ask this, rather than looking through every cell; rules that weigh a row's cells against
 * each other (the row's total) read them here, in one fact.
 *
 * @param table "2", "3" or "4"
 * @param row   the row's canonical key, e.g. {@code new_received}
 * @param line  the source line of the row's first cell
 * @param cells the row's cells as read, in printed order
 */
public record TableRow(String table, String row, int line, List<TableCell> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell of a column; {@code null} when the row has none. */
    public TableCell cell(String column) {
        return TableCells.find(cells, false, column);
    }

    /** The value of a column's cell; {@code null} when it is blank or the row has none. */
    public Double value(String column) {
        return TableCells.value(cells, false, column);
    }

    /** The sum of these columns' values when every one of them has a value; {@code null} when one is blank or missing. */
    public Double sumOf(String... columns) {
        return TableCells.sum(cells, false, List.of(columns));
    }
}
