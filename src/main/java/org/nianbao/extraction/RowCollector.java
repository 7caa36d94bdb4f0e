package org.nianbao.extraction;

import java.util.List;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.TableCell;

/**
 * Collects the values of one table row after its label: on the label's own line, and on the lines that
 * follow when the report prints one cell per line. Emits the row's cells when the next label arrives.
 * A row whose values came one per line and are fewer than its columns is not emitted: a blank cell left out,
 * or two lines run into one number, would put every later value in the wrong column. It is noted as unreadable.
 */
final class RowCollector {

    private final String table;
    private final List<TableCell> cells;
    private final List<ExtractionNote> notes;

    private String row;
    private String label;
    private List<String> columns;
    private int taken;
    private int labelLine;
    private boolean silentWhenEmpty;
    private final List<TableCell> pending = new java.util.ArrayList<>();
    private int linesWithValues;
    private boolean oneValueLines;

    RowCollector(String table, List<TableCell> cells, List<ExtractionNote> notes) {
        this.table = table;
        this.cells = cells;
        this.notes = notes;
    }

    /** Starts a row; {@code columns} are the canonical column keys in printed order (null for unknown). */
    void start(String rowKey, String printedLabel, List<String> columnKeys, int line, boolean silentIfNoValues) {
        finish();
        row = rowKey;
        label = printedLabel;
        columns = columnKeys;
        taken = 0;
        labelLine = line;
        silentWhenEmpty = silentIfNoValues;
        pending.clear();
        linesWithValues = 0;
        oneValueLines = false;
    }

    boolean accepting() {
        return row != null && taken < columns.size();
    }

    boolean started() {
        return row != null;
    }

    boolean hasValues() {
        return taken > 0;
    }

    String row() {
        return row;
    }

    /** Drops a row that turned out to be a group heading (「(六)其他处理」 followed by its sub-rows). */
    void discard() {
        row = null;
        pending.clear();
    }

    /**
     * Offers the cells that follow a label on one printed row. A row with at least as many numbers as
     * columns still to fill takes the numbers only (empty cells there are merged-cell artefacts); otherwise
     * surplus empty cells are dropped (first trailing padding, then leading merged cells) and the rest taken in
     * order, blanks included.
     */
    void offerRow(List<String> rest, int line) {
        int before = taken;
        take(rest, line);
        if (taken > before) {
            linesWithValues++;
            oneValueLines |= line != labelLine && taken - before == 1 && nonBlank(rest) == 1;
        }
    }

    private void take(List<String> rest, int line) {
        int remaining = columns.size() - taken;
        int values = nonBlank(rest);
        if (values >= remaining) {
            for (String c : rest) {
                if (!c.isEmpty() && accepting()) {
                    offer(c, line);
                }
            }
            return;
        }
        int from = 0;
        int to = rest.size();
        while (to - from > remaining && rest.get(to - 1).isEmpty()) {
            to--; // padding after the row
        }
        while (to - from > remaining && rest.get(from).isEmpty()) {
            from++; // merged cells before the numbers
        }
        for (int i = from; i < to && accepting(); i++) {
            offer(rest.get(i), line);
        }
    }

    private static int nonBlank(List<String> cells) {
        int n = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    void offer(String text, int line) {
        String column = columns.get(taken++);
        if (column == null) {
            return;
        }
        pending.add(new TableCell(table, row, column, CellValue.parse(text), text.strip(), line));
    }

    void finish() {
        if (row == null) {
            return;
        }
        if (taken == 0 && !silentWhenEmpty) {
            notes.add(new ExtractionNote(table, labelLine, "表%s「%s」一行未能识别出数值".formatted(table, label), row));
        } else if (taken > 0 && taken < columns.size() && (linesWithValues > 1 || oneValueLines || table.equals("3"))) {
            String values = linesWithValues > 1 || oneValueLines ? "逐行列出的数值" : "的数值";
            notes.add(new ExtractionNote(table, labelLine,
                    "表%s「%s」一行%s只有 %d 个，应有 %d 个，无法确定各自所在的栏目，未读取"
                            .formatted(table, label, values, taken, columns.size()), row));
            pending.clear();
        } else if (taken > 0 && taken < columns.size()) {
            notes.add(new ExtractionNote(table, labelLine,
                    "表%s「%s」一行只识别出 %d 个数值，应有 %d 个".formatted(table, label, taken, columns.size())));
        }
        cells.addAll(pending);
        pending.clear();
        row = null;
    }
}
