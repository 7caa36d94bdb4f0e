package org.nianbao.report;

import java.util.Collection;
import java.util.List;

/** The cells of one row (by column) or of one column (by row): what {@link TableRow} and {@link TableColumn} look up. */
final class TableCells {

    private TableCells() {
    }

    private static String key(TableCell cell, boolean byRow) {
        return byRow ? cell.row() : cell.column();
    }

    /** The first cell whose row (when {@code byRow}) or column is {@code key}; {@code null} when there is none. */
    static TableCell find(List<TableCell> cells, boolean byRow, String key) {
        for (TableCell c : cells) {
            if (key(c, byRow).equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** The value of that cell; {@code null} when it is blank or there is none. */
    static Double value(List<TableCell> cells, boolean byRow, String key) {
        TableCell c = find(cells, byRow, key);
        return c == null ? null : c.value();
    }

    /**
     * The sum of the cells named by {@code keys} (rows when {@code byRow}, else columns), in one pass over the cells,
     * when every one of them is there with a value; {@code null} when one is blank or missing, and for no keys.
     */
    static Double sum(List<TableCell> cells, boolean byRow, Collection<String> keys) {
        double sum = 0;
        int found = 0;
        for (TableCell c : cells) {
            if (keys.contains(key(c, byRow))) {
                if (c.value() == null) {
                    return null;
                }
                sum += c.value();
                found++;
            }
        }
        return found == keys.size() && found > 0 ? sum : null;
    }
}
