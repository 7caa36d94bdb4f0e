package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.Section;
import org.nianbao.report.TableCell;

/**
 * Reads the numeric cells of tables 2, 3 and 4 by their printed labels. Each table is read from its
 * section; a table whose section heading is missing is looked for where it would stand.
 */
final class TableReader {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern ITEM = Pattern.compile("第二十条第\\(?([一二三四五六七八九十]+)\\)?项");
    /** Labels that only the next table (or the next part) prints: the table read so far ends before them. */
    private static final Pattern AFTER_TABLE2 = Pattern.compile("申请人情况|本年新收|收到和处理政府信息公开申请|依申请公开情况");
    private static final Openings ITEM_OPENINGS = Openings.of(ITEM);
    private static final Openings AFTER_TABLE2_OPENINGS = Openings.of(AFTER_TABLE2);
    private static final Pattern AFTER_TABLE3 = Pattern.compile("行政复议|行政诉讼|直接起诉|复议后起诉|存在的主要问题");
    private static final Openings AFTER_TABLE3_OPENINGS = Openings.of(AFTER_TABLE3);
    /** Table 三 with its five kinds of legal persons merged into one column: that column's values are not read. */
    private static final List<String> MERGED_TABLE3_COLUMN_KEYS = java.util.Arrays.asList("natural_person", null, "total");
    private static final java.util.regex.Pattern FIVE_KINDS = java.util.regex.Pattern.compile("商业|科研|公益|法律服务");
    private static final List<String> TABLE3_COLUMN_KEYS =
            TableLayout.TABLE3_COLUMNS.stream().map(TableLayout.Key::key).toList();

    /** What was read from the tables. */
    record Tables(List<TableCell> cells, List<ExtractionNote> notes, boolean item9Present) {
    }

    private final List<SourceLine> lines;
    private final LabelCatalog labels;
    private final List<TableCell> cells = new ArrayList<>();
    private final List<ExtractionNote> notes = new ArrayList<>();
    private boolean item9 = false;

    /** The expressions searched by their {@link Openings} (for tests). */
    static List<Pattern> openedPatterns() {
        return List.of(ITEM, AFTER_TABLE2, AFTER_TABLE3);
    }

    private TableReader(List<SourceLine> lines, LabelCatalog labels) {
        this.lines = lines;
        this.labels = labels;
    }

    static Tables read(List<SourceLine> lines, List<Section> sections, LabelCatalog labels) {
        TableReader reader = new TableReader(lines, labels);
        int end = lines.size();
        Section s2 = find(sections, 2);
        Section s3 = find(sections, 3);
        Section s4 = find(sections, 4);
        Section s5 = find(sections, 5);
        int table3From = s3 != null ? s3.line() + 1 : s2 != null ? s2.line() + 1 : 1;
        int table3To = s3 != null ? s3.endLine() : s4 != null ? s4.line() - 1 : s5 != null ? s5.line() - 1 : end;
        if (s2 != null) {
            reader.readTable2(s2.line() + 1, Math.min(s2.endLine(), s3 != null ? s3.line() - 1 : s2.endLine()));
        }
        int lastTable3Line = reader.readTable3(table3From, table3To);
        if (s4 != null) {
            reader.readTable4(s4.line() + 1, s4.endLine());
        } else if (lastTable3Line > 0) {
            reader.readTable4(lastTable3Line + 1, s5 != null && s5.line() > lastTable3Line ? s5.line() - 1 : end);
        }
        return new Tables(List.copyOf(reader.cells), List.copyOf(reader.notes), reader.item9);
    }

    private static Section find(List<Section> sections, int number) {
        return sections.stream().filter(s -> s.number() == number).findFirst().orElse(null);
    }

    // ---- table 2: 第二十条 blocks, each with its own header ------------------------------------------

    private void readTable2(int from, int to) {
        RowCollector row = new RowCollector("2", cells, notes);
        List<String> columns = new ArrayList<>();
        boolean header = false;
        lines:
        for (int n = from; n <= to; n++) {
            LineCells lc = LineCells.of(lines.get(n - 1));
            List<String> cellsHere = lc.cells();
            if (lc.valuesOnly()) {
                if (row.accepting()) {
                    row.offerRow(cellsHere, n);
                }
                continue;
            }
            for (int i = 0; i < cellsHere.size(); i++) {
                String cell = cellsHere.get(i);
                String compact = compact(cell);
                if (AFTER_TABLE2_OPENINGS.in(compact)) {
                    break lines; // table 3 begins on this line (its heading was joined to the last row)
                }
                Matcher item = ITEM_OPENINGS.match(compact);
                if (item != null) {
                    row.finish();
                    header = false;
                    columns = new ArrayList<>();
                    if ("九".equals(item.group(1))) {
                        item9 = true;
                    }
                    continue;
                }
                if (compact.startsWith("信息内容")) {
                    row.finish();
                    header = true;
                    columns = new ArrayList<>();
                    // 「信息内容 本年制发件数 本年废止件数 …」 printed as one cell: its column labels follow
                    String[] words = WHITE_SPACE.split(cell.strip());
                    for (int w = 1; w < words.length; w++) {
                        TableLayout.Key column = labels.column("2", compact(words[w]));
                        columns.add(column == null ? null : column.key());
                    }
                    String rest = compact.substring("信息内容".length());
                    if (words.length == 1 && !rest.isEmpty()) { // 「信息内容上一年项目数量」: a lost line break
                        for (String label : RunTogetherText.table2Columns(rest, labels)) {
                            TableLayout.Key column = labels.column("2", label);
                            columns.add(column == null ? null : column.key());
                        }
                    }
                    continue;
                }
                if (cell.isEmpty() || CellValue.isValue(cell)) {
                    continue; // padding, or numbers with no row to hold them
                }
                TableLayout.Key key = labels.row("2", compact);
                if (key != null) {
                    header = false;
                    if (columns.isEmpty()) {
                        notes.add(new ExtractionNote("2", n, "表2「%s」所在栏目未识别出表头".formatted(cell)));
                    }
                    row.start(key.key(), cell, Collections.unmodifiableList(new ArrayList<>(columns)), n, false);
                    int next = nextLabel(cellsHere, i + 1);
                    row.offerRow(cellsHere.subList(i + 1, next), n);
                    i = next - 1;
                } else if (header) {
                    // two column labels whose line break was lost (「上一年项目数量本年增/减」) are two columns
                    List<String> printed = RunTogetherText.table2Columns(compact, labels);
                    for (String label : printed.isEmpty() ? List.of(compact) : printed) {
                        TableLayout.Key column = labels.column("2", label);
                        if (column == null) {
                            notes.add(new ExtractionNote("2", n, "表2表头「%s」不是标准栏目，其数值未读取".formatted(cell)));
                        }
                        columns.add(column == null ? null : column.key());
                    }
                } else if (row.accepting()) {
                    row.finish(); // text that is no label of table 2 (「7行政强制」): the row's values do not go on past it
                }
            }
        }
        row.finish();
    }

    // ---- table 3: rows by label, seven applicant columns ----------------------------------------------

    /** Reads table 3 and returns the line of its last row (0 when there is no table 3). */
    private int readTable3(int from, int to) {
        RowCollector row = new RowCollector("3", cells, notes);
        boolean started = false;
        boolean legalPersons = false; // the header names 「法人或其他组织」
        boolean fiveKinds = false;    // … and its five kinds
        List<String> columns = TABLE3_COLUMN_KEYS;
        int lastRowLine = 0;
        lines:
        for (int n = from; n <= to; n++) {
            LineCells lc = LineCells.of(lines.get(n - 1));
            if (lc.isEmpty()) {
                continue;
            }
            if (!started) {
                String header = compact(String.join("", lc.cells()));
                legalPersons |= header.contains("法人或其他组织");
                fiveKinds |= FIVE_KINDS.matcher(header).find();
                started = lc.cells().stream().anyMatch(c -> compact(c).contains("本年新收"));
                if (!started) {
                    continue;
                }
                if (legalPersons && !fiveKinds) {
                    // the five kinds of legal persons printed as one column: 自然人 | 法人或其他组织 | 总计
                    columns = MERGED_TABLE3_COLUMN_KEYS;
                }
            }
            boolean valuesOnly = lc.valuesOnly();
            if (!row.accepting() && valuesOnly && lc.cells().size() > TABLE3_COLUMN_KEYS.size()) {
                break; // a row of more numbers than table 3 has: the next table begins
            }
            List<String> cellsHere = lc.cells();
            if (valuesOnly) {
                if (row.accepting()) {
                    row.offerRow(cellsHere, n);
                    lastRowLine = n;
                }
                continue;
            }
            for (int i = 0; i < cellsHere.size(); i++) {
                String cell = cellsHere.get(i);
                if (cell.isEmpty() || CellValue.isValue(cell)) {
                    continue;
                }
                String compact = compact(cell);
                if (AFTER_TABLE3_OPENINGS.in(compact)) {
                    break lines; // table 4 or part 五 begins on this line
                }
                TableLayout.Key key = labels.row("3", compact);
                if (key == null && "other".equals(row.row()) && !row.hasValues() && labels.otherMiscUnnumbered(compact)) {
                    // 「其他」 with no number after 「(六)其他处理」: its third sub-row
                    key = TableLayout.TABLE3_ROWS.stream().filter(k -> k.key().equals("other_misc")).findFirst().orElseThrow();
                }
                boolean other = key == null && labels.table3Other(compact);
                if (key == null && !other) {
                    // a group heading such as 「(三)不予公开」, or the rest of a label broken over lines
                    // (「(三)不 6 0 0 …」 in a PDF): numbers after it belong to the row still waiting for them
                    int next = nextLabel(cellsHere, i + 1);
                    if (row.accepting() && !row.hasValues() && next > i + 1) {
                        row.offerRow(cellsHere.subList(i + 1, next), n);
                        lastRowLine = n;
                        i = next - 1;
                    } else if (values(cellsHere.subList(i + 1, next)) >= 2) {
                        // a label the catalogue does not know, with a row of numbers: which row it is, a person decides
                        unplaced.add(new Object[] {n, cell.strip()});
                        i = next - 1;
                    }
                    continue;
                }
                if (key != null && key.key().equals(row.row()) && !row.hasValues()) {
                    // the same label continued on the next line: its numbers follow
                    int next = nextLabel(cellsHere, i + 1);
                    row.offerRow(cellsHere.subList(i + 1, next), n);
                    i = next - 1;
                    continue;
                }
                if (key != null && "other".equals(row.row()) && !row.hasValues()) {
                    row.discard(); // 「(六)其他处理」 was the heading of its three sub-rows
                }
                TableLayout.Key rowKey = other ? TableLayout.TABLE3_OTHER : key;
                row.start(rowKey.key(), cell, columns, n, other);
                int next = nextLabel(cellsHere, i + 1);
                row.offerRow(cellsHere.subList(i + 1, next), n);
                i = next - 1;
                lastRowLine = n;
            }
        }
        row.finish();
        noteUnplaced();
        return lastRowLine;
    }

    /** Table 3's labels that named no row, each with its line: {line, label}. */
    private final List<Object[]> unplaced = new ArrayList<>();

    /**
     * A note for each label of table 3 that named no row, though numbers follow it (「3.杂项 0 0 0 …」): not a missing
     * row, an unread one. When one row is missing between the rows read before and after it, the note names that row,
     * so that its absence is not blamed on the report.
     */
    private void noteUnplaced() {
        List<String> order = TableLayout.TABLE3_ROWS.stream().map(TableLayout.Key::key).toList();
        for (Object[] u : unplaced) {
            int line = (Integer) u[0];
            int before = -1;
            int after = order.size();
            java.util.Set<String> read = new java.util.HashSet<>();
            for (TableCell c : cells) {
                if (!c.table().equals("3")) {
                    continue;
                }
                read.add(c.row());
                int at = order.indexOf(c.row());
                if (at >= 0 && c.line() < line) {
                    before = Math.max(before, at);
                } else if (at >= 0 && c.line() > line) {
                    after = Math.min(after, at);
                }
            }
            List<String> between = new ArrayList<>();
            for (int i = before + 1; i < after; i++) {
                if (!read.contains(order.get(i))) {
                    between.add(order.get(i));
                }
            }
            String row = between.size() == 1 ? between.get(0) : null;
            notes.add(new ExtractionNote("3", line, row != null
                    ? "表3「%s」一行未能对应到格式中的行（可能是「%s」），其数值未读取".formatted(u[1], TableLayout.rowLabel("3", row))
                    : "表3「%s」一行未能对应到格式中的行，其数值未读取".formatted(u[1]), row));
        }
    }

    private static int values(List<String> cells) {
        int n = 0;
        for (String c : cells) {
            if (!c.isEmpty() && CellValue.isValue(c)) {
                n++;
            }
        }
        return n;
    }

    // ---- table 4: fifteen cells, each placed by its column ---------------------------------------------

    private void readTable4(int from, int to) {
        Table4Reader.read(lines, from, to, cells, notes, labels);
    }

    /** The index of the next cell that is a label (neither blank nor a value), or the end. */
    private static int nextLabel(List<String> cells, int from) {
        int i = from;
        while (i < cells.size() && (cells.get(i).isEmpty() || CellValue.isValue(cells.get(i)))) {
            i++;
        }
        return i;
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
        return a >= b ? Collections.emptyList() : cells.subList(a, b);
    }

    private static String compact(String cell) {
        return org.nianbao.reading.TextNormalizer.compact(cell);
    }
}
