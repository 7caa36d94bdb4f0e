package org.nianbao.report;

import java.util.Collection;
import java.util.List;

/**
 * A column of table 2, 3 or 4 that the report has, with its cells from every row that was read: rules that weigh
 * a column's cells against each other (一+二 = 三(七)+四, 三(七) = the sum of the results) read them here, in one fact.
 *
 * @param table  "2", "3" or "4"
 * @param column the column's canonical key, e.g. {@code natural_person}
 * @param cells  the column's cells as read, in printed order
 */
public record TableColumn(String table, String column, List<TableCell> cells) {

    public TableColumn {
        cells = List.copyOf(cells);
    }

    /** The cell of a row; {@code null} when the column has none there. */
    public TableCell cell(String row) {
        return TableCells.find(cells, true, row);
    }

    /** The value of a row's cell; {@code null} when it is blank or the column has none there. */
    public Double value(String row) {
        return TableCells.value(cells, true, row);
    }

    /** The sum of these rows' values when every one of them has a value; {@code null} when one is blank or missing. */
    public Double sumOf(Collection<String> rows) {
        return TableCells.sum(cells, true, rows);
    }

    /** As {@link #sumOf(Collection)}, the rows named one by one. */
    public Double sumOf(String... rows) {
        return TableCells.sum(cells, true, List.of(rows));
    }
}
