package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.reading.SourceText;
import org.nianbao.reading.TextNormalizer;

/**
 * Text whose line breaks and table separators were lost (stored by a crawler or a search index, pasted from
 * some viewers: 「…一、本年新收政府信息公开申请数量640020470二、上年结转…」). Its parts, sub-parts and table rows
 * are put back on lines of their own, by the report's own headings and labels, and each row's run of digits is
 * split into the row's cells only when the table's own identities allow exactly one split: a row of table 3 has
 * six applicant columns and their total, each row of table 4 four results and their total. A run that allows no
 * split or several is left unread, and a note says so; a number is never guessed.
 */
final class RunTogetherText {

    /** The six part headings, as the format words them (with the variants real reports use). */
    private static final Pattern PART_HEADING = Pattern.compile("([一二三四五六])、(总体情况|基本情况"
            + "|主动公开政府信息的?情况|收到和处理政府信息公开申请的?情况|政府信息公开行政复议、?行政诉讼的?情况"
            + "|存在的?主要问题及其?改进情况|其他需要报告的事项)");
    private static final Pattern SUB_HEADING = Pattern.compile("\\([一二三四五六七八九十]\\)");
    /** A run of cell values: numbers, dashes and slashes, separated by spaces or by nothing at all. */
    private static final Pattern VALUES = Pattern.compile("(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?|[-—/]+)(?: ?(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?|[-—/]+))*");
    private static final Pattern ITEM = Pattern.compile("第二十条第\\([一二三四五六七八九十]+\\)项");
    /** Table 2's row labels as the format prints them, and the short 「规范性文件」; the longest is tried first. */
    private static final List<String> TABLE2_ROWS = java.util.stream.Stream.concat(
                    TableLayout.TABLE2_ROWS.stream().map(TableLayout.Key::label), java.util.stream.Stream.of("规范性文件"))
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    /** Where a table-2 column label begins: 「本年新制作数量本年新公开数量对外公开总数量」 splits before each. */
    private static final Pattern TABLE2_COLUMN_START = Pattern.compile("本年|现行|上一?年|对外|处理决定|采购|收费金额");
    /** Where a table-3 row label begins: 「一、」 「(三)」 「1.」. */
    private static final Pattern TABLE3_ROW_START = Pattern.compile("[一二三四]、|\\([一二三四五六七]\\)|[1-8][.、](?=\\D)");
    private static final int TABLE3_COLUMNS = 7;
    private static final int TABLE4_VALUES = 15;
    private static final int MAX_DIGITS = 9;

    private RunTogetherText() {
    }

    /** The text with its lines restored, or the text itself when no line ran together. */
    static SourceText restore(SourceText text, LabelCatalog catalog) {
        if (text.lines().stream().noneMatch(RunTogetherText::ranTogether)) {
            return text;
        }
        List<String> out = new ArrayList<>();
        int[] unread = {0};
        for (SourceLine line : text.lines()) {
            if (ranTogether(line)) {
                split(line.text(), out, unread, catalog);
            } else {
                out.add(line.text());
            }
        }
        List<SourceLine> lines = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            lines.add(SourceLine.of(i + 1, out.get(i)));
        }
        String note = "原文的换行和表格分隔符已丢失，已按部分标题和表格栏目恢复分行（行号指恢复后的文本）"
                + (unread[0] > 0 ? "；%d 行的数字连在一起，无法按表格的勾稽关系唯一拆分，未读取".formatted(unread[0]) : "");
        return text.withLines(lines, String.join("\n", out), note);
    }

    /** A long line that holds several part headings or a table's labels with their numbers. */
    static boolean ranTogether(SourceLine line) {
        String c = line.compact();
        if (c.length() < 300) {
            return false;
        }
        Matcher m = PART_HEADING.matcher(c);
        int headings = 0;
        while (m.find()) {
            headings++;
        }
        return headings >= 2 || c.contains("本年新收") && c.contains("结转下年度") || c.contains("第二十条第") && c.contains("信息内容");
    }

    private static void split(String text, List<String> out, int[] unread, LabelCatalog catalog) {
        String s = text.replaceAll("\\s+", " ").strip();
        Matcher m = PART_HEADING.matcher(s);
        int from = 0;
        int part = 0;
        while (m.find()) {
            body(s.substring(from, m.start()), part, out, unread, catalog);
            out.add(m.group());
            part = "一二三四五六".indexOf(m.group(1)) + 1;
            from = m.end();
        }
        body(s.substring(from), part, out, unread, catalog);
    }

    private static void body(String body, int part, List<String> out, int[] unread, LabelCatalog catalog) {
        String b = body.strip();
        if (b.isEmpty()) {
            return;
        }
        switch (part) {
            case 2 -> table(b, "2", out, unread, catalog);
            case 3 -> table(b, "3", out, unread, catalog);
            case 4 -> table(b, "4", out, unread, catalog);
            default -> narrative(b, out);
        }
    }

    /** Running text: each sub-heading 「(一)」 starts a line, as it does in the report. */
    private static void narrative(String b, List<String> out) {
        Matcher m = SUB_HEADING.matcher(b);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                out.add(b.substring(from, m.start()).strip());
            }
            from = m.start();
        }
        out.add(b.substring(from).strip());
    }

    /** A table part: labels and runs of values in turn. */
    private static void table(String b, String table, List<String> out, int[] unread, LabelCatalog catalog) {
        Matcher v = VALUES.matcher(b);
        int labelFrom = 0;
        int searchFrom = 0;
        int table2Columns = 0;
        List<String> table4Values = new ArrayList<>();
        while (searchFrom < b.length() && v.find(searchFrom)) {
            int start = v.start();
            int end = v.end();
            searchFrom = end;
            if (start > 0 && (b.charAt(start - 1) == ':' || b.charAt(start - 1) == '第')) {
                continue; // a number inside a label
            }
            // 「…00000002.其他法律…」: the digit before 「.」 that opens a label is the label's own numbering
            if (end + 1 < b.length() && (b.charAt(end) == '.' || b.charAt(end) == '、')
                    && !Character.isDigit(b.charAt(end + 1)) && Character.isDigit(b.charAt(end - 1))) {
                end--;
                searchFrom = end + 1;
            }
            String run = b.substring(start, end).strip();
            if (run.isEmpty()) {
                continue; // only the numbering: the label goes on
            }
            String label = b.substring(labelFrom, start).strip();
            labelFrom = end;
            searchFrom = end;
            switch (table) {
                case "2" -> table2Columns = table2Row(label, run, table2Columns, out, unread, catalog);
                case "3" -> table3Row(label, run, out, unread);
                default -> {
                    if (!label.isEmpty()) {
                        out.add(label);
                    }
                    table4Values.addAll(values(run));
                }
            }
        }
        if (!table4Values.isEmpty()) {
            List<String> cells = table4Values.size() == TABLE4_VALUES ? table4Values
                    : table4Values.size() == 1 ? splitUnder(table4Values.get(0), TABLE4_VALUES, 5) : null;
            if (cells == null) {
                unread[0]++;
            } else {
                out.add(row(cells));
            }
        }
        String rest = b.substring(Math.min(labelFrom, b.length())).strip();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    private static int table2Row(String label, String run, int columns, List<String> out, int[] unread,
                                 LabelCatalog catalog) {
        String compact = TextNormalizer.compact(label);
        Matcher item = ITEM.matcher(compact);
        int at = 0;
        if (item.find()) {
            out.add(item.group());
            at = item.end();
        }
        String row = null;
        for (String r : TABLE2_ROWS) {
            if (compact.endsWith(r) && compact.length() - r.length() >= at) {
                row = r;
                break;
            }
        }
        String before = compact.substring(at, row == null ? compact.length() : compact.length() - row.length());
        int header = before.indexOf("信息内容");
        if (header >= 0) {
            List<String> labels = table2Columns(before.substring(header + "信息内容".length()), catalog);
            List<String> cells = new ArrayList<>();
            cells.add("信息内容");
            cells.addAll(labels);
            out.add(row(cells));
            columns = labels.size();
        } else if (!before.isEmpty()) {
            out.add(before);
        }
        if (row == null) {
            return columns;
        }
        List<String> values = values(run);
        int wanted = columns > 0 ? columns : 1;
        List<String> cells = values.size() == wanted ? values
                : values.size() == 1 && run.length() == wanted && run.chars().allMatch(Character::isDigit)
                ? run.chars().mapToObj(c -> String.valueOf((char) c)).toList() : null;
        labelledRow(row, cells, out, unread);
        return columns;
    }

    /** 「本年新制作数量本年新公开数量对外公开总数量」 → its three column labels. */
    static List<String> table2Columns(String header, LabelCatalog catalog) {
        List<String> pieces = new ArrayList<>();
        Matcher m = TABLE2_COLUMN_START.matcher(header);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                pieces.add(header.substring(from, m.start()));
                from = m.start();
            }
        }
        pieces.add(header.substring(from));
        List<String> columns = new ArrayList<>();
        String carry = "";
        for (String piece : pieces) {
            String label = carry + piece;
            if (catalog.column("2", label) == null) {
                carry = label; // 「本年」 of 「本年处理决定数量」: joined to what follows
            } else {
                columns.add(label);
                carry = "";
            }
        }
        if (!carry.isEmpty() && !columns.isEmpty()) {
            columns.set(columns.size() - 1, columns.get(columns.size() - 1) + carry);
        }
        return columns;
    }

    private static void table3Row(String label, String run, List<String> out, int[] unread) {
        String compact = TextNormalizer.compact(label);
        Matcher m = TABLE3_ROW_START.matcher(compact);
        int start = -1;
        while (m.find()) {
            start = m.start();
        }
        if (start > 0) {
            out.add(compact.substring(0, start));
        }
        String rowLabel = start >= 0 ? compact.substring(start) : compact;
        List<String> values = values(run);
        List<String> cells = values.size() == TABLE3_COLUMNS ? values
                : values.size() == 1 ? splitUnder(values.get(0), TABLE3_COLUMNS, TABLE3_COLUMNS) : null;
        labelledRow(rowLabel, cells, out, unread);
    }

    /** A row's label and its cells; a row whose cells could not be split keeps its label alone and is counted. */
    private static void labelledRow(String label, List<String> cells, List<String> out, int[] unread) {
        List<String> line = new ArrayList<>();
        line.add(label);
        if (cells == null) {
            unread[0]++;
        } else {
            line.addAll(cells);
        }
        out.add(row(line));
    }

    private static List<String> values(String run) {
        List<String> values = new ArrayList<>();
        for (String v : run.strip().split(" ")) {
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }

    /**
     * Splits a run of digits into {@code count} whole numbers, in groups of {@code group} whose last number is
     * the sum of the others (a row's total); the split only when exactly one satisfies every group. A run with
     * too many ways to try (more than {@value #SEARCH_BUDGET} partial splits) is left unread, so that no run can
     * hold up the reading.
     */
    static List<String> splitUnder(String digits, int count, int group) {
        return splitUnder(digits, count, group, SEARCH_BUDGET);
    }

    static List<String> splitUnder(String digits, int count, int group, int budget) {
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() < count) {
            return null;
        }
        Split split = new Split(digits, count, group, budget);
        split.search(0, new ArrayList<>());
        return split.found.size() == 1 && split.budget > 0 ? split.found.get(0) : null;
    }

    private static final int SEARCH_BUDGET = 200_000;

    /** One search for the splits of a run of digits. */
    private static final class Split {
        private final String digits;
        private final int count;
        private final int group;
        private final List<List<String>> found = new ArrayList<>();
        private int budget;

        Split(String digits, int count, int group, int budget) {
            this.digits = digits;
            this.count = count;
            this.group = group;
            this.budget = budget;
        }

        void search(int at, List<String> taken) {
            if (found.size() > 1 || --budget <= 0) {
                return;
            }
            int left = count - taken.size();
            if (left == 0) {
                if (at == digits.length()) {
                    found.add(List.copyOf(taken));
                }
                return;
            }
            int remainingDigits = digits.length() - at;
            if (remainingDigits < left || remainingDigits > left * MAX_DIGITS) {
                return;
            }
            if ((taken.size() + 1) % group == 0) {
                long sum = 0;
                for (int i = taken.size() - group + 1; i < taken.size(); i++) {
                    sum += Long.parseLong(taken.get(i));
                }
                String total = Long.toString(sum);
                if (digits.startsWith(total, at)) {
                    taken.add(total);
                    search(at + total.length(), taken);
                    taken.remove(taken.size() - 1);
                }
                return;
            }
            for (int len = 1; len <= MAX_DIGITS && at + len <= digits.length(); len++) {
                if (len > 1 && digits.charAt(at) == '0') {
                    break; // no number is written with a leading zero
                }
                taken.add(digits.substring(at, at + len));
                search(at + len, taken);
                taken.remove(taken.size() - 1);
            }
        }
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String c : cells) {
            line.append(' ').append(c).append(" |");
        }
        return line.toString();
    }
}
