package org.nianbao.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.reading.PdfRulings.Segment;

/**
 * A table a page draws with ruling lines, read by its geometry (the "lattice" way): the grid is laid by the
 * distinct positions of its lines, two neighbouring grid cells belong to one (merged) cell when no line
 * separates them, and each glyph goes to the cell its centre lies in. A cell's text is its glyphs line by line,
 * so a label wrapped over several lines in a narrow column reads as one label. Rows come out as a Word
 * document's do: a merged cell's text in its first row and column, blanks where it spans.
 */
final class PdfTable {

    /** Positions closer than this (points) are the same line. */
    private static final float SAME = 2.0f;

    private final float[] xs;
    private final float[] ys;
    private final int[] owner;                  // union-find over grid cells: the merged cell each belongs to
    private final List<List<Glyph>> glyphs;     // by grid cell index

    /** A glyph's text and where its centre is; {@code size} is its font size, for line grouping. */
    record Glyph(String text, float x, float y, float size, float width) {
    }

    private PdfTable(float[] xs, float[] ys, List<Segment> lines) {
        this.xs = xs;
        this.ys = ys;
        int rows = ys.length - 1;
        int columns = xs.length - 1;
        owner = new int[rows * columns];
        glyphs = new ArrayList<>(rows * columns);
        for (int i = 0; i < owner.length; i++) {
            owner[i] = i;
            glyphs.add(new ArrayList<>());
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (c + 1 < columns && !covered(lines, false, xs[c + 1], ys[r], ys[r + 1])) {
                    union(r * columns + c, r * columns + c + 1);
                }
                if (r + 1 < rows && !covered(lines, true, ys[r + 1], xs[c], xs[c + 1])) {
                    union(r * columns + c, (r + 1) * columns + c);
                }
            }
        }
    }

    /**
     * The tables among a page's ruling lines: lines that touch one another form a table when they lay out at
     * least two columns. A lone rule (an underline, a frame around a paragraph) is not a table.
     */
    static List<PdfTable> find(List<Segment> segments) {
        List<Segment> lines = mergeCollinear(segments);
        int n = lines.size();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (touch(lines.get(i), lines.get(j))) {
                    join(group, i, j);
                }
            }
        }
        java.util.Map<Integer, List<Segment>> byGroup = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byGroup.computeIfAbsent(find(group, i), k -> new ArrayList<>()).add(lines.get(i));
        }
        List<PdfTable> tables = new ArrayList<>();
        for (List<Segment> members : byGroup.values()) {
            float[] xs = positions(members, false);
            float[] ys = positions(members, true);
            if (xs.length >= 3 && ys.length >= 2 && xs.length * ys.length <= 40_000) {
                tables.add(new PdfTable(xs, ys, members));
            }
        }
        return tables;
    }

    int rows() {
        return ys.length - 1;
    }

    int columns() {
        return xs.length - 1;
    }

    float top() {
        return ys[0];
    }

    /** Whether a point lies inside the table. */
    boolean contains(float x, float y) {
        return x > xs[0] && x < xs[xs.length - 1] && y > ys[0] && y < ys[ys.length - 1];
    }

    /** Puts a glyph in the cell its centre lies in. */
    void add(Glyph g) {
        int c = index(xs, g.x());
        int r = index(ys, g.y());
        if (c >= 0 && r >= 0) {
            glyphs.get(root(r * columns() + c)).add(g);
        }
    }

    /** The x positions of the column boundaries: the same in two tables means the same columns. */
    float[] columnEdges() {
        return xs.clone();
    }

    /** The rows as cells: a merged cell's text in its top-left grid cell, blanks where it spans; blank rows left out. */
    List<List<String>> cells() {
        int[] first = new int[owner.length];
        java.util.Arrays.fill(first, -1);
        for (int i = 0; i < owner.length; i++) {
            if (first[root(i)] < 0) {
                first[root(i)] = i;
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < rows(); r++) {
            List<String> row = new ArrayList<>(columns());
            boolean any = false;
            for (int c = 0; c < columns(); c++) {
                int cell = r * columns() + c;
                int root = root(cell);
                String text = first[root] == cell ? text(glyphs.get(root)) : "";
                any |= !text.isEmpty();
                row.add(text);
            }
            if (any) {
                out.add(row);
            }
        }
        return out;
    }

    /** A cell's glyphs as text: grouped into lines by their height on the page, each line left to right. */
    static String text(List<Glyph> cell) {
        if (cell.isEmpty()) {
            return "";
        }
        List<Glyph> sorted = new ArrayList<>(cell);
        sorted.sort(Comparator.comparingDouble(Glyph::y));
        List<List<Glyph>> lines = new ArrayList<>();
        for (Glyph g : sorted) {
            List<Glyph> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && Math.abs(last.get(0).y() - g.y()) < Math.max(1f, g.size() * 0.5f)) {
                last.add(g);
            } else {
                List<Glyph> line = new ArrayList<>();
                line.add(g);
                lines.add(line);
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<Glyph> line : lines) {
            line.sort(Comparator.comparingDouble(Glyph::x));
            Glyph previous = null;
            for (Glyph g : line) {
                float gap = (g.x() - g.width() / 2) - (previous == null ? 0 : previous.x() + previous.width() / 2);
                if (previous != null && gap > 0.8f * Math.max(g.width(), previous.width())) {
                    text.append(' '); // a wide gap inside a line: two words
                }
                text.append(g.text());
                previous = g;
            }
            if (!text.isEmpty() && line != lines.get(lines.size() - 1)) {
                char end = text.charAt(text.length() - 1);
                if (end < 0x2E80 && Character.isLetter(end)) {
                    text.append(' '); // a Latin word wrapped to the next line
                }
            }
        }
        return text.toString().strip();
    }

    // ---- geometry --------------------------------------------------------------------------------

    private static int index(float[] edges, float v) {
        for (int i = 0; i + 1 < edges.length; i++) {
            if (v >= edges[i] && v < edges[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    /** Whether some line at {@code at} covers the stretch from..to (all but its ends). */
    private static boolean covered(List<Segment> lines, boolean horizontal, float at, float from, float to) {
        float need = to - from;
        float covered = 0;
        for (Segment s : lines) {
            if (s.horizontal() == horizontal && Math.abs(s.at() - at) <= SAME) {
                covered += Math.max(0, Math.min(s.to(), to) - Math.max(s.from(), from));
            }
        }
        return covered >= need - 2 * SAME;
    }

    private static boolean touch(Segment a, Segment b) {
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= SAME && a.from() <= b.to() + SAME && b.from() <= a.to() + SAME;
        }
        Segment h = a.horizontal() ? a : b;
        Segment v = a.horizontal() ? b : a;
        return v.at() >= h.from() - SAME && v.at() <= h.to() + SAME && h.at() >= v.from() - SAME && h.at() <= v.to() + SAME;
    }

    /** Lines at the same position that overlap or meet become one line. */
    private static List<Segment> mergeCollinear(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Segment::horizontal).thenComparingDouble(Segment::at).thenComparingDouble(Segment::from));
        List<Segment> out = new ArrayList<>();
        for (Segment s : sorted) {
            Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.horizontal() == s.horizontal() && Math.abs(last.at() - s.at()) <= SAME / 2
                    && s.from() <= last.to() + SAME && last.from() <= s.to() + SAME) {
                out.set(out.size() - 1, new Segment(s.horizontal(), last.at(),
                        Math.min(last.from(), s.from()), Math.max(last.to(), s.to())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The distinct positions of the horizontal (or vertical) lines, close ones taken as one. */
    private static float[] positions(List<Segment> lines, boolean horizontal) {
        List<Float> at = new ArrayList<>();
        lines.stream().filter(s -> s.horizontal() == horizontal).map(Segment::at).sorted().forEach(v -> {
            if (at.isEmpty() || v - at.get(at.size() - 1) > SAME) {
                at.add(v);
            }
        });
        float[] out = new float[at.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at.get(i);
        }
        return out;
    }

    private int root(int i) {
        return find(owner, i);
    }

    private void union(int a, int b) {
        join(owner, a, b);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void join(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
