package org.nianbao.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables a page lays out without ruling lines, read by the gaps between their columns (the "stream" way).
 *
 * <p>A table shows itself by its rows of values: lines that end in numbers standing apart from the text before
 * them. Around such lines, the header lines above and the lines a wrapped label continues on belong to the table
 * too. Its columns come from where its words stand: each column of values is the stretch its numbers share, and
 * the label columns left of them begin where several labels begin. A word belongs to the column its left edge
 * lies in and spans the columns its right edge reaches.
 *
 * <p>Its rows come from the lines: a word continues the cell above it when that cell filled its width on the line
 * before (a wrapped label, a header written in a narrow column) and the word starts nothing of its own (no
 * ordinal like 「2.」 or 「(三)」, no number, not the label of a row of numbers). A line where some word starts a
 * new cell starts a new row. A label merged over several rows (「(三)不予公开」) thus stays one cell, and a label
 * wrapped over three lines reads as one label. Rows come out as a Word table's do: a cell's text in its first
 * column, blanks where it spans.
 */
final class PdfStream {

    /** A value in these tables: a number, or a sign for "none". */
    private static final Pattern VALUE = Pattern.compile("^(?:[-+]?\\d[\\d,，]*(?:[.．]\\d+)?|[-—–/／]|无)$");
    /** What starts a label of its own: 「一、」「(三)」「（三）」「2.」「2、」. */
    private static final Pattern ORDINAL = Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[.．、])");
    /** A part heading of the report: the table, if any, has ended. */
    private static final Pattern PART_HEADING = Pattern.compile("^[一二三四五六七八九十]+[、.．]");

    /** Non-value lines a table may hold between two rows of values (a label wrapped over several lines). */
    private static final int MAX_LINES_BETWEEN_ROWS = 8;
    /** Header lines looked for above the first row of values. */
    private static final int MAX_HEADER_LINES = 10;
    /** A word longer than this is running text, not a cell of a table header. */
    private static final int MAX_HEADER_WORD = 40;

    /**
     * A cell's line is full when it ends less than this many font sizes before the next column's text: no further
     * character would have fitted with the padding on both sides of the column line.
     */
    private static final float FULL = 2.2f;

    private PdfStream() {
    }

    /** A run of glyphs with no gap wider than a character between them: one cell's text on one line. */
    record Word(String text, float left, float right, float y, float size) {
        boolean value() {
            return VALUE.matcher(text).matches();
        }
    }

    /**
     * One line of words, in order from left to right; {@code barrier}: something else stands here (a ruled table),
     * so no borderless table runs across it. A line without words (a page number) is passed over.
     */
    record Line(List<Word> words, boolean barrier) {
    }

    /** A table read from lines {@code from} (inclusive) to {@code to} (exclusive). */
    record Table(int from, int to, List<List<String>> rows) {
    }

    /** Groups a line's glyphs into words: a gap wider than 0.8 of the font size separates two words. */
    static List<Word> words(List<PdfTable.Glyph> glyphs) {
        List<PdfTable.Glyph> sorted = new ArrayList<>();
        for (PdfTable.Glyph g : glyphs) {
            if (!g.text().isBlank()) {
                sorted.add(g);
            }
        }
        sorted.sort(Comparator.comparingDouble(PdfTable.Glyph::x));
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float left = 0;
        float right = 0;
        float y = 0;
        float size = 0;
        for (PdfTable.Glyph g : sorted) {
            float gLeft = g.x() - g.width() / 2;
            float gRight = g.x() + g.width() / 2;
            if (!text.isEmpty() && gLeft - right > 0.8f * Math.max(size, g.size())) {
                words.add(new Word(text.toString(), left, right, y, size));
                text.setLength(0);
            }
            if (text.isEmpty()) {
                left = gLeft;
                y = g.y();
                size = g.size();
            }
            text.append(g.text());
            right = Math.max(right, gRight);
            size = Math.max(size, g.size());
        }
        if (!text.isEmpty()) {
            words.add(new Word(text.toString(), left, right, y, size));
        }
        return words;
    }

    /** The borderless tables among a run of lines, in order; lines outside them are left as text. */
    static List<Table> find(List<Line> lines) {
        List<Table> tables = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!isRowOfValues(lines.get(i))) {
                i++;
                continue;
            }
            int from = headerStart(lines, i);
            int last = i;
            int rowsOfValues = 1;
            int j = i + 1;
            while (j < lines.size() && j - last <= MAX_LINES_BETWEEN_ROWS && !lines.get(j).barrier() && !endsTable(lines.get(j))) {
                if (isRowOfValues(lines.get(j))) {
                    last = j;
                    rowsOfValues++;
                }
                j++;
            }
            int to = last + 1;
            while (to < lines.size() && to - last <= 3 && !lines.get(to).barrier() && continuesLabels(lines, from, last, lines.get(to))) {
                to++;
            }
            // one row of values is a table when a header stands above it (table 四 has a single row)
            boolean headed = from < i && lines.get(i).words().stream().filter(Word::value).count() >= 3;
            if (rowsOfValues >= 2 || headed) {
                List<List<String>> rows = new Layout(lines.subList(from, to), lines.subList(i, last + 1)).rows();
                if (!rows.isEmpty()) {
                    tables.add(new Table(from, to, rows));
                }
                i = to;
            } else {
                i++;
            }
        }
        return tables;
    }

    /** A line ending in a value that stands apart: a number after a wide gap, or several values. */
    static boolean isRowOfValues(Line line) {
        List<Word> words = line.words();
        if (words.size() < 2 || !words.get(words.size() - 1).value()) {
            return false;
        }
        long values = words.stream().filter(Word::value).count();
        if (values >= 2) {
            return true;
        }
        Word number = words.get(words.size() - 1);
        Word before = words.get(words.size() - 2);
        return number.left() - before.right() >= 2 * number.size();
    }

    /** A part heading without values, or running text: no longer the table. */
    private static boolean endsTable(Line line) {
        List<Word> words = line.words();
        if (words.isEmpty()) {
            return false;
        }
        boolean anyValue = words.stream().anyMatch(Word::value);
        return !anyValue && (words.size() == 1 && PART_HEADING.matcher(words.get(0).text()).find()
                || words.stream().anyMatch(w -> w.text().length() > MAX_HEADER_WORD));
    }

    /** The first header line above a table's first row of values: lines of several words, or words over the values. */
    private static int headerStart(List<Line> lines, int firstRow) {
        float valuesLeft = Float.MAX_VALUE;
        for (Word w : lines.get(firstRow).words()) {
            if (w.value()) {
                valuesLeft = Math.min(valuesLeft, w.left());
            }
        }
        int from = firstRow;
        while (from > 0 && firstRow - from < MAX_HEADER_LINES) {
            Line above = lines.get(from - 1);
            List<Word> words = above.words();
            if (above.barrier() || words.isEmpty() || isRowOfValues(above) || endsTable(above)
                    || words.stream().anyMatch(w -> w.value() || w.text().length() > MAX_HEADER_WORD)) {
                break;
            }
            boolean header = words.size() >= 2 || words.get(0).left() >= valuesLeft - words.get(0).size();
            if (!header) {
                break;
            }
            from--;
        }
        return from;
    }

    /** A line after the last row of values that only continues labels: all its words left of the values. */
    private static boolean continuesLabels(List<Line> lines, int from, int lastRow, Line line) {
        float valuesLeft = Float.MAX_VALUE;
        for (Line l : lines.subList(from, lastRow + 1)) {
            for (Word w : l.words()) {
                if (w.value()) {
                    valuesLeft = Math.min(valuesLeft, w.left());
                }
            }
        }
        List<Word> words = line.words();
        if (endsTable(line)) {
            return false;
        }
        for (Word w : words) {
            if (w.value() || w.right() >= valuesLeft || ORDINAL.matcher(w.text()).find()) {
                return false;
            }
        }
        return true;
    }

    /** The columns of one table, and its rows. */
    private static final class Layout {
        private final List<Line> lines;
        private final float[] starts;       // where each column begins
        private final float[] textStarts;   // where the text of each column begins
        private final float end;             // where the last column ends

        Layout(List<Line> lines, List<Line> rowsOfValues) {
            this.lines = lines;
            List<float[]> valueColumns = valueColumns(rowsOfValues);
            float valuesLeft = valueColumns.isEmpty() ? Float.MAX_VALUE : valueColumns.get(0)[0];
            List<Float> labelStarts = labelColumns(lines, valuesLeft - 0.5f * typicalSize(lines));
            List<Float> all = new ArrayList<>(labelStarts);
            List<Float> text = new ArrayList<>(labelStarts);
            for (int k = 0; k < valueColumns.size(); k++) {
                float start = k == 0 ? valueColumns.get(0)[0] - 0.5f * typicalSize(lines)
                        : (valueColumns.get(k - 1)[1] + valueColumns.get(k)[0]) / 2;
                all.add(start);
                text.add(valueColumns.get(k)[0]);
            }
            starts = new float[all.size()];
            textStarts = new float[all.size()];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = all.get(k);
                textStarts[k] = text.get(k);
            }
            float right = 0;
            for (Line l : lines) {
                for (Word w : l.words()) {
                    right = Math.max(right, w.right());
                }
            }
            int n = textStarts.length;
            // the last column of values is as wide as the one before it; past the widest word otherwise
            end = valueColumns.size() >= 2 ? textStarts[n - 1] + (textStarts[n - 1] - textStarts[n - 2]) : right + typicalSize(lines);
        }

        /** Stretches of the page the values of each column share: overlapping values are one column. */
        private static List<float[]> valueColumns(List<Line> rows) {
            List<float[]> spans = new ArrayList<>();
            for (Line l : rows) {
                if (!isRowOfValues(l)) {
                    continue;
                }
                for (Word w : l.words()) {
                    if (w.value()) {
                        spans.add(new float[] {w.left(), w.right()});
                    }
                }
            }
            spans.sort(Comparator.comparingDouble(s -> s[0]));
            List<float[]> columns = new ArrayList<>();
            for (float[] s : spans) {
                float[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
                if (last != null && s[0] <= last[1] + 1) {
                    last[1] = Math.max(last[1], s[1]);
                } else {
                    columns.add(new float[] {s[0], s[1]});
                }
            }
            return columns;
        }

        /** Where label columns begin: left edges shared by at least two label words (the leftmost always counts). */
        private static List<Float> labelColumns(List<Line> lines, float valuesLeft) {
            List<Float> lefts = new ArrayList<>();
            for (Line l : lines) {
                for (Word w : l.words()) {
                    if (w.left() < valuesLeft && !w.value()) {
                        lefts.add(w.left());
                    }
                }
            }
            lefts.sort(Float::compare);
            List<Float> starts = new ArrayList<>();
            int i = 0;
            while (i < lefts.size()) {
                int j = i;
                while (j + 1 < lefts.size() && lefts.get(j + 1) - lefts.get(j) <= 3) {
                    j++;
                }
                if (starts.isEmpty() || j > i) {
                    starts.add(lefts.get(i));
                }
                i = j + 1;
            }
            return starts;
        }

        private static float typicalSize(List<Line> lines) {
            List<Float> sizes = new ArrayList<>();
            lines.forEach(l -> l.words().forEach(w -> sizes.add(w.size())));
            if (sizes.isEmpty()) {
                return 10;
            }
            sizes.sort(Float::compare);
            return sizes.get(sizes.size() / 2);
        }

        private int column(float x) {
            int c = 0;
            for (int k = 0; k < starts.length; k++) {
                if (starts[k] <= x + 2) {
                    c = k;
                }
            }
            return c;
        }

        /** Where the text of the column after this one begins: a line reaching near it filled its cell. */
        private float nextStart(int column) {
            return column + 1 < textStarts.length ? textStarts[column + 1] : end;
        }

        /** A cell being written: where it is, and how its last line ended. */
        private static final class Cell {
            final int row;
            final int column;
            final int span;
            final StringBuilder text = new StringBuilder();
            float lastRight;
            float lastY;
            float size;

            Cell(int row, int column, int span, Word w) {
                this.row = row;
                this.column = column;
                this.span = span;
                append(w);
            }

            void append(Word w) {
                if (!text.isEmpty() && isLatin(text.charAt(text.length() - 1)) && isLatin(w.text().charAt(0))) {
                    text.append(' ');
                }
                text.append(w.text());
                lastRight = w.right();
                lastY = w.y();
                size = Math.max(size, w.size());
            }

            boolean holdsValue() {
                return VALUE.matcher(text).matches();
            }

            private static boolean isLatin(char c) {
                return c < 0x2E80 && Character.isLetter(c);
            }
        }

        /**
         * Whether another word of the line begins inside the cell above: then that cell was a header over several
         * columns, and the words below it are cells of their own.
         */
        private boolean othersWithin(List<Word> words, int self, Cell above) {
            for (int k = 0; k < words.size(); k++) {
                int c = column(words.get(k).left());
                if (k != self && c > above.column && c < above.column + above.span) {
                    return true;
                }
            }
            return false;
        }

        List<List<String>> rows() {
            if (starts.length < 2) {
                return List.of();
            }
            List<List<Cell>> rows = new ArrayList<>();
            Cell[] open = new Cell[starts.length];
            for (Line line : lines) {
                List<Word> words = line.words();
                if (words.isEmpty()) {
                    continue;
                }
                int label = -1; // the label of a row of values: the last word before its values
                if (isRowOfValues(line)) {
                    for (int k = 0; k < words.size(); k++) {
                        if (!words.get(k).value()) {
                            label = k;
                        }
                    }
                }
                Cell[] continued = new Cell[words.size()];
                boolean newRow = false;
                int joinRow = -1; // the row a centred label's values join
                for (int k = 0; k < words.size(); k++) {
                    Word w = words.get(k);
                    int first = column(w.left());
                    int span = column(w.right() - 1) - first + 1;
                    Cell above = open[first];
                    boolean wraps = above != null && !w.value() && !ORDINAL.matcher(w.text()).find()
                            && span <= above.span
                            && w.y() - above.lastY <= 1.8f * Math.max(w.size(), above.size)
                            && above.lastRight + FULL * above.size >= nextStart(above.column + above.span - 1)
                            && !othersWithin(words, k, above);
                    // a row's label continues the cell above only when that cell's row has no values yet: a label
                    // centred in its row, wrapped so that its first line stands above the row's numbers
                    boolean continues = wraps && (k != label
                            || above.row == rows.size() - 1 && rows.get(above.row).stream().noneMatch(Cell::holdsValue));
                    if (continues) {
                        continued[k] = above;
                        if (k == label) {
                            joinRow = above.row;
                        }
                    } else if (!(joinRow >= 0 && w.value())) {
                        newRow = true;
                    }
                }
                if (joinRow >= 0 && newRow) {
                    // something of its own starts on the line after all: the label stays in the row above, but the
                    // values go to a new row only if none of them could be placed; never a guess
                    joinRow = -1;
                    for (int k = 0; k < words.size(); k++) {
                        if (continued[k] != null && k == label) {
                            continued[k] = null;
                        }
                    }
                }
                if (newRow || joinRow < 0 && java.util.Arrays.stream(continued).anyMatch(java.util.Objects::isNull)) {
                    rows.add(new ArrayList<>());
                }
                Cell[] nowOpen = new Cell[starts.length];
                for (int k = 0; k < words.size(); k++) {
                    Word w = words.get(k);
                    Cell cell = continued[k];
                    if (cell != null) {
                        cell.append(w);
                    } else {
                        int first = column(w.left());
                        int span = column(w.right() - 1) - first + 1;
                        int row = joinRow >= 0 ? joinRow : rows.size() - 1;
                        cell = new Cell(row, first, span, w);
                        rows.get(row).add(cell);
                    }
                    nowOpen[cell.column] = cell;
                }
                open = nowOpen;
            }
            List<List<String>> out = new ArrayList<>();
            for (List<Cell> row : rows) {
                String[] cells = new String[starts.length];
                java.util.Arrays.fill(cells, "");
                for (Cell c : row) {
                    cells[c.column] = cells[c.column].isEmpty() ? c.text.toString() : cells[c.column] + " " + c.text;
                }
                out.add(List.of(cells));
            }
            return joinCentredLabels(out);
        }
    }

    /**
     * A label centred in its row and wrapped: its first line (「2.其他法律行政法」, no values) stands above the line
     * of the row's values, which carries the rest of the label (「规禁止公开」). The two are one row: the rest of the
     * label joins the label, the values come along. Done only when it is unambiguous — the row above has no value
     * and its last text opens with an ordinal, the line below has exactly one piece of text that does not, and no
     * cell would be overwritten; otherwise both rows stay as they are (their cells unread, never misplaced).
     */
    static List<List<String>> joinCentredLabels(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            List<String> row = rows.get(i);
            if (i + 1 < rows.size()) {
                List<String> joined = join(row, rows.get(i + 1));
                if (joined != null) {
                    out.add(joined);
                    i += 2;
                    continue;
                }
            }
            out.add(row);
            i++;
        }
        return groupLabelsIntoRows(out);
    }

    /**
     * A group label centred down its rows (「(六)其他处理」 beside its three items) stands on a line of its own between
     * two of them. Alone it would read as a row without values; it belongs in the group column of the row after it,
     * when that column is empty there and both neighbours are rows of values.
     */
    private static List<List<String>> groupLabelsIntoRows(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int only = onlyText(row);
            if (only >= 0 && GROUP.matcher(row.get(only)).find() && i > 0 && i + 1 < rows.size()
                    && hasValue(rows.get(i - 1)) && hasValue(rows.get(i + 1)) && rows.get(i + 1).size() == row.size()
                    && rows.get(i + 1).get(only).isEmpty()) {
                List<String> next = new ArrayList<>(rows.get(i + 1));
                next.set(only, row.get(only));
                out.add(List.copyOf(next));
                i++;
                continue;
            }
            out.add(row);
        }
        return out;
    }

    /** A group of table 3's results: 「(三)不予公开」「（六）其他处理」. */
    private static final Pattern GROUP = Pattern.compile("^[(（][一二三四五六七八九十]+[)）]\\S");

    private static boolean hasValue(List<String> row) {
        return row.stream().anyMatch(c -> VALUE.matcher(c).matches());
    }

    /** The index of the row's only non-empty cell, or -1. */
    private static int onlyText(List<String> row) {
        int found = -1;
        for (int k = 0; k < row.size(); k++) {
            if (!row.get(k).isEmpty()) {
                if (found >= 0) {
                    return -1;
                }
                found = k;
            }
        }
        return found;
    }

    private static List<String> join(List<String> above, List<String> below) {
        if (above.size() != below.size() || above.stream().anyMatch(c -> VALUE.matcher(c).matches())
                || below.stream().noneMatch(c -> VALUE.matcher(c).matches())) {
            return null;
        }
        int lastText = -1;
        for (int k = 0; k < above.size(); k++) {
            if (!above.get(k).isEmpty()) {
                lastText = k;
            }
        }
        if (lastText < 0 || !ORDINAL.matcher(above.get(lastText)).find()) {
            return null;
        }
        int fragment = -1;
        for (int k = 0; k < below.size(); k++) {
            String c = below.get(k);
            if (!c.isEmpty() && !VALUE.matcher(c).matches() && !ORDINAL.matcher(c).find()) {
                if (fragment >= 0) {
                    return null;
                }
                fragment = k;
            }
        }
        if (fragment < 0) {
            return null;
        }
        List<String> joined = new ArrayList<>(above);
        joined.set(lastText, above.get(lastText) + below.get(fragment));
        for (int k = 0; k < below.size(); k++) {
            String c = below.get(k);
            if (k == fragment || c.isEmpty()) {
                continue;
            }
            if (!joined.get(k).isEmpty()) {
                return null; // a cell would be overwritten: not sure enough
            }
            joined.set(k, c);
        }
        return List.copyOf(joined);
    }
}
