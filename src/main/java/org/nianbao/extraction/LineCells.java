package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;

/**
 * Splits one line into table cells, whatever the layout: {@code |}-separated rows (with or without
 * Markdown's outer bars), tab-separated cells, one cell per line ending in {@code |}, or a label followed by
 * numbers separated by spaces (text taken from a PDF).
 *
 * @param cells   the cells' texts, trimmed; empty strings are blank cells
 * @param rowLine the line held several cells, so a blank cell in it is a real blank
 */
record LineCells(SourceLine line, List<String> cells, boolean rowLine) {

    private static final Pattern TRAILING_NUMBERS =
            Pattern.compile("^(.*?[^\\s\\d.,/-])\\s+((?:[-+]?\\d[\\d,]*(?:\\.\\d+)?|/|-|—+|无)(?:\\s+(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?|/|-|—+|无))*)$");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** Cells of three dashes or more, or aligned with a colon; a lone 「-」 is a value (none), not a separator. */
    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-{3,}:?|:-+:?|-+:");
    private static final Pattern SPACED_VALUES =
            Pattern.compile("^(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?|/|—+|无)(?:\\s+(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?|/|—+|无))+$");

    static LineCells of(SourceLine line) {
        String text = line.text();
        String trimmed = text.strip();
        List<String> raw = new ArrayList<>();
        if (trimmed.indexOf('|') >= 0) {
            String body = trimmed;
            if (body.startsWith("|")) {
                body = body.substring(1);
            }
            if (body.endsWith("|")) {
                body = body.substring(0, body.length() - 1);
            }
            if (isSeparator(body)) {
                return new LineCells(line, List.of(), false); // a Markdown separator row |---|:--|
            }
            for (String cell : body.split("\\|", -1)) {
                raw.add(cell.strip());
            }
        } else if (text.indexOf('\t') >= 0) {
            String[] parts = text.split("\t", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i == 0 && parts[0].isBlank()) {
                    continue; // the indentation before the first cell
                }
                raw.add(parts[i].strip());
            }
        } else if (trimmed.indexOf(' ') < 0 || !CellValue.endsLikeValue(trimmed)) {
            // one cell that splits no further: most lines of a report, so without a list built for them
            return new LineCells(line, trimmed.isEmpty() ? List.of() : List.of(trimmed), false);
        } else {
            raw.add(trimmed);
        }
        List<String> cells = new ArrayList<>(raw.size() + 8);
        for (int i = 0; i < raw.size(); i++) {
            splitSpaced(raw.get(i), cells);
        }
        boolean rowLine = cells.size() > 1;
        if (!rowLine && cells.size() == 1 && cells.get(0).isEmpty()) {
            cells = List.of();
        }
        return new LineCells(line, cells, rowLine);
    }

    /** Every cell blank or a separator cell, and at least one separator cell. */
    private static boolean isSeparator(String body) {
        if (body.indexOf('-') < 0) {
            return false; // every separator cell has a dash
        }
        boolean any = false;
        for (String cell : body.split("\\|", -1)) {
            String c = cell.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (!SEPARATOR_CELL.matcher(c).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** 「一、本年新收 1 0 0」 → label and numbers; 「0 0 0」 → three numbers. */
    private static void splitSpaced(String cell, List<String> out) {
        if (cell.indexOf(' ') < 0 || !CellValue.endsLikeValue(cell)) {
            out.add(cell);
            return;
        }
        if (SPACED_VALUES.matcher(cell).matches()) {
            for (String v : WHITE_SPACE.split(cell)) {
                out.add(v);
            }
            return;
        }
        var m = TRAILING_NUMBERS.matcher(cell);
        if (m.matches() && !endsInNumberedDot(m.group(1))) {
            out.add(m.group(1).strip());
            for (String v : WHITE_SPACE.split(m.group(2))) {
                out.add(v);
            }
            return;
        }
        out.add(cell);
    }

    /** 「…2.」: the label ends in a number and a dot, the start of a decimal rather than a label. */
    private static boolean endsInNumberedDot(String label) {
        int n = label.length();
        return n >= 2 && label.charAt(n - 1) == '.' && label.charAt(n - 2) >= '0' && label.charAt(n - 2) <= '9';
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** Every non-blank cell is a value, and there is at least one. */
    boolean valuesOnly() {
        boolean any = false;
        for (int i = 0; i < cells.size(); i++) { // by index: asked of every line of a table
            String c = cells.get(i);
            if (c.isEmpty()) {
                continue;
            }
            if (!CellValue.isValue(c)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
