package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.TableCell;

/**
 * Reads table 四 by its columns: 行政复议, 行政诉讼·未经复议直接起诉 and 行政诉讼·复议后起诉, each 结果维持 / 结果纠正 /
 * 其他结果 / 尚未审结 / 总计 — fifteen cells. A value is placed only where its column is known:
 * <ul>
 * <li>a row of fifteen cells, blanks included, gives each cell its column;</li>
 * <li>a row labelled 行政复议, 直接起诉 or 复议后起诉 with five cells after its label gives that row's columns
 *     (the table printed with its rows and columns swapped), also when the five cells are on the next line;</li>
 * <li>a line where each column label is followed by its value (「结果维持 1 结果纠正 其他结果 0 …」) pairs them,
 *     a label followed by another label being a blank cell;</li>
 * <li>values that only follow one another (one cell per line, or numbers run together) are taken in order
 *     when there are exactly fifteen of them.</li>
 * </ul>
 * Otherwise a blank cell would move every later value one column to the left, so the values are not read and a
 * note says so: a cell is right or absent, never wrong.
 */
final class Table4Reader {

    private static final int COLUMNS = 5;
    private static final int CELLS = 15;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final String[] slot = new String[CELLS];
    private final int[] slotLine = new int[CELLS];
    private final boolean[] placed = new boolean[CELLS];
    private final List<String> sequential = new ArrayList<>();
    private final List<Integer> sequentialLines = new ArrayList<>();
    private int pendingGroup = -1;      // a row label seen on a line of its own: its five cells follow
    private int pairedGroup = 0;        // the row that column labels paired with values belong to
    private int lastPairedColumn = -1;
    private int unsureLine = -1;
    private int firstLine = -1;

    private final LabelCatalog labels;

    private Table4Reader(LabelCatalog labels) {
        this.labels = labels;
    }

    /** Reads lines from..to (1-based, inclusive); adds the cells and notes it finds. */
    static void read(List<SourceLine> lines, int from, int to, List<TableCell> cells, List<ExtractionNote> notes,
                     LabelCatalog labels) {
        Table4Reader reader = new Table4Reader(labels);
        for (int n = from; n <= to && !reader.done(); n++) {
            reader.line(n, LineCells.of(lines.get(n - 1)));
        }
        reader.finish(cells, notes);
    }

    private boolean done() {
        int count = 0;
        for (boolean p : placed) {
            count += p ? 1 : 0;
        }
        return count == CELLS || (count == 0 && sequential.size() >= CELLS);
    }

    private void line(int n, LineCells lc) {
        if (lc.isEmpty()) {
            return;
        }
        List<String> cells = lc.cells();
        boolean anyValue = cells.stream().anyMatch(c -> !c.isEmpty() && CellValue.isValue(c));
        if (anyValue && firstLine < 0) {
            firstLine = n;
        }
        if (lc.valuesOnly()) {
            List<String> row = fit(cells, CELLS);
            if (lc.rowLine() && row.size() == CELLS) {
                place(0, row, n);
                return;
            }
            List<String> five = fit(cells, COLUMNS);
            if (pendingGroup >= 0 && five.size() == COLUMNS) {
                place(pendingGroup * COLUMNS, five, n);
                pendingGroup = -1;
                return;
            }
            takeInOrder(trimBlanks(cells), n);
            return;
        }
        if (pair(cells, n)) {
            return;
        }
        int group = groupOf(cells);
        int lastLabel = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty() && !CellValue.isValue(cells.get(i))) {
                lastLabel = i;
            }
        }
        List<String> tail = cells.subList(lastLabel + 1, cells.size());
        if (tail.stream().allMatch(String::isEmpty)) {
            if (group >= 0) {
                pendingGroup = group;
            }
            return;
        }
        List<String> five = fit(tail, COLUMNS);
        if (group >= 0 && five.size() == COLUMNS) {
            place(group * COLUMNS, five, n);
        } else if (fit(tail, CELLS).size() == CELLS) {
            place(0, fit(tail, CELLS), n);
        } else {
            takeInOrder(trimBlanks(tail), n);
        }
    }

    /** Whether {@code cell} holds a character that {@code \s} matches (a space, a tab, a line or page break). */
    private static boolean hasSpace(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ' ' || c >= '\t' && c <= '\r') {
                return true;
            }
        }
        return false;
    }

    /** Column labels each followed by a value or by the next label (a blank cell); at least two such pairs. */
    private boolean pair(List<String> lineCells, int n) {
        List<String> cells = new ArrayList<>();
        for (String cell : lineCells) {
            if (cell.isEmpty() || !hasSpace(cell)) {
                cells.add(cell);
            } else {
                cells.addAll(List.of(WHITE_SPACE.split(cell)));
            }
        }
        int pairs = 0;
        for (int i = 0; i + 1 < cells.size(); i++) {
            if (column(cells.get(i)) >= 0 && CellValue.isValue(cells.get(i + 1))) {
                pairs++;
            }
        }
        if (pairs < 2) {
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            int g = groupOf(List.of(cells.get(i)));
            if (g >= 0) {
                pairedGroup = g;
                lastPairedColumn = -1;
                continue;
            }
            int c = column(cells.get(i));
            if (c < 0) {
                continue;
            }
            if (c <= lastPairedColumn) {
                pairedGroup++; // the labels start again: the next row
            }
            lastPairedColumn = c;
            if (pairedGroup > 2) {
                break;
            }
            String value = i + 1 < cells.size() && CellValue.isValue(cells.get(i + 1)) ? cells.get(i + 1) : "";
            int k = pairedGroup * COLUMNS + c;
            if (!placed[k]) {
                slot[k] = value;
                slotLine[k] = n;
                placed[k] = true;
            }
        }
        return true;
    }

    private void takeInOrder(List<String> values, int n) {
        if (values.contains("")) {
            unsureLine = unsureLine < 0 ? n : unsureLine; // blanks among values whose columns are unknown
            return;
        }
        for (String v : values) {
            sequential.add(v);
            sequentialLines.add(n);
        }
    }

    private void place(int start, List<String> values, int n) {
        for (int i = 0; i < values.size() && start + i < CELLS; i++) {
            if (!placed[start + i]) {
                slot[start + i] = values.get(i);
                slotLine[start + i] = n;
                placed[start + i] = true;
            }
        }
    }

    private void finish(List<TableCell> cells, List<ExtractionNote> notes) {
        boolean anyPlaced = false;
        for (boolean p : placed) {
            anyPlaced |= p;
        }
        if (!anyPlaced && sequential.size() == CELLS && unsureLine < 0) {
            place(0, sequential, 0);
            for (int i = 0; i < CELLS; i++) {
                slotLine[i] = sequentialLines.get(i);
            }
            sequential.clear();
        }
        anyPlaced = false;
        for (boolean p : placed) {
            anyPlaced |= p;
        }
        if (!anyPlaced && sequential.isEmpty() && unsureLine < 0) {
            return; // no table 4 here
        }
        for (int i = 0; i < CELLS; i++) {
            if (placed[i]) {
                String raw = slot[i].strip();
                cells.add(new TableCell("4", TableLayout.TABLE4_ROWS.get(i / COLUMNS).key(),
                        TableLayout.TABLE4_COLUMNS.get(i % COLUMNS).key(), CellValue.parse(raw), raw, slotLine[i]));
            }
        }
        if (!sequential.isEmpty() || unsureLine >= 0) {
            int line = unsureLine >= 0 ? unsureLine : !sequentialLines.isEmpty() ? sequentialLines.get(0) : firstLine;
            for (int r = 0; r < TableLayout.TABLE4_ROWS.size(); r++) {
                boolean rowRead = false;
                for (int c = 0; c < COLUMNS; c++) {
                    rowRead |= placed[r * COLUMNS + c];
                }
                if (!rowRead) {
                    TableLayout.Key row = TableLayout.TABLE4_ROWS.get(r);
                    notes.add(new ExtractionNote("4", line,
                            "表四「%s」一行的数值无法确定各自所在的列（识别出 %d 个数值，应有 15 个），未读取；请核对该表"
                                    .formatted(row.label(), sequential.size()), row.key()));
                }
            }
        }
    }

    /** The row a label names: 0 行政复议, 1 未经复议直接起诉, 2 复议后起诉; -1 for none or several. */
    private static int groupOf(List<String> cells) {
        int found = -1;
        for (String cell : cells) {
            String c = org.nianbao.reading.TextNormalizer.compact(cell);
            int g = c.contains("直接起诉") ? 1 : c.contains("复议后") ? 2 : c.contains("行政复议") && !c.contains("诉讼") ? 0 : -1;
            if (g >= 0) {
                if (found >= 0 && found != g) {
                    return -1;
                }
                found = g;
            }
        }
        return found;
    }

    /** The column a label names (0 结果维持 … 4 总计), or -1. */
    private int column(String cell) {
        String c = org.nianbao.reading.TextNormalizer.compact(cell);
        if (c.isEmpty() || c.length() > 6 || CellValue.isValue(c)) {
            return -1;
        }
        TableLayout.Key key = labels.column("4", c);
        return key == null ? -1 : TableLayout.TABLE4_COLUMNS.indexOf(key);
    }

    /** The cells with blanks dropped from the end, then from the start, while there are more than {@code size}. */
    private static List<String> fit(List<String> cells, int size) {
        int a = 0;
        int b = cells.size();
        while (b - a > size && cells.get(b - 1).isEmpty()) {
            b--;
        }
        while (b - a > size && cells.get(a).isEmpty()) {
            a++;
        }
        return cells.subList(a, b);
    }

    private static List<String> trimBlanks(List<String> cells) {
        int a = 0;
        int b = cells.size();
        while (a < b && cells.get(a).isEmpty()) {
            a++;
        }
        while (b > a && cells.get(b - 1).isEmpty()) {
            b--;
        }
        return cells.subList(a, b);
    }
}
