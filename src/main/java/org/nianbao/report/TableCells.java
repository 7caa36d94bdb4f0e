package org.nianbao.report;

import java.util.Collection;
import java.util.List;

/** Sums over the cells of one row or one column. */
final class TableCells {

    private TableCells() {
    }

    /**
     * The sum of the cells named by {@code keys} (rows when {@code byRow}, else columns) when each of them is there
     * with a value; {@code null} otherwise, and for no keys.
     */
    static Double sum(List<TableCell> cells, boolean byRow, Collection<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (String key : keys) {
            Double value = null;
            for (TableCell c : cells) {
                if ((byRow ? c.row() : c.column()).equals(key)) {
                    value = c.value();
                    break;
                }
            }
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }
}
