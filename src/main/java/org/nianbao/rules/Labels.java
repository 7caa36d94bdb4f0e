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

    /** Where a finding applies, in the report's own words: 表3「(七)总计」行 自然人栏, 第五部分, 第96行; else 全文. */
    public static String place(Evidence e) {
        StringBuilder s = new StringBuilder();
        if (e.table() != null) {
            s.append("表").append(e.table());
            if (e.row() != null) {
                s.append("「").append(TableLayout.rowLabel(e.table(), e.row())).append("」行");
            }
            if (e.column() != null) {
                s.append(" ").append(TableLayout.columnLabel(e.table(), e.column())).append("栏");
            }
        } else if (e.section() != null && e.section() >= 1 && e.section() <= 6) {
            s.append("第").append("一二三四五六".charAt(e.section() - 1)).append("部分");
        }
        if (e.line() != null) {
            s.append(s.isEmpty() ? "" : "，").append("第").append(e.line()).append("行");
        }
        return s.isEmpty() ? "全文" : s.toString();
    }
}
