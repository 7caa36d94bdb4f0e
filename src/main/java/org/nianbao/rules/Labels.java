package org.nianbao.rules;

import org.nianbao.extraction.TableLayout;
import org.nianbao.report.TableCell;

/** Words and numbers for the rules' messages: printed labels of table rows and columns, numbers without 「.0」. */
public final class Labels {

    private Labels() {
    }

    public static String rowLabel(String table, String row) {
        return TableLayout.rowLabel(table, row);
    }

    public static String columnLabel(String table, String column) {
        return TableLayout.columnLabel(table, column);
    }

    /** 表3「一、本年新收政府信息公开申请数量」自然人栏 */
    public static String cellName(TableCell cell) {
        return "表" + cell.table() + "「" + TableLayout.rowLabel(cell.table(), cell.row()) + "」"
                + TableLayout.columnLabel(cell.table(), cell.column()) + "栏";
    }

    /** 3.0 → 「3」, 6858.05 → 「6858.05」 */
    public static String show(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
