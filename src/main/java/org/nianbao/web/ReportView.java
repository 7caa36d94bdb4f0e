package org.nianbao.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.nianbao.assessment.Assessment;
import org.nianbao.rules.Evidence;
import org.nianbao.rules.Finding;
import org.nianbao.scoring.CheckResult;
import org.nianbao.scoring.Scorecard;

/**
 * A report as it was read, laid out for the result page: its parts and paragraphs, its tables as tables, and each
 * finding at its place — the line or the table row it cites, or a placeholder where something is missing. A cell
 * the reader was unsure of is marked apart, so that a reading problem does not look like the report's own.
 */
record ReportView(List<Block> blocks, List<Item> findings, List<CheckView> checks) {

    private static final Pattern PART = Pattern.compile("^\\s*([一二三四五六])\\s*[、.．]");
    private static final String PARTS = "一二三四五六";
    private static final Map<String, Integer> RANK = Map.of("error", 3, "warning", 2, "info", 1);

    /** A finding as the page lists it, with its number, its place in words, and its check's name and points. */
    record Item(int number, Finding finding, String place, String checkName, String zeroReason, boolean reading) {
        public String severityName() {
            return switch (finding.severity()) {
                case "error" -> "错误";
                case "warning" -> "警告";
                default -> "提示";
            };
        }
    }

    /** A check with its Chinese name, what it is worth and what it earned. */
    record CheckView(String id, String name, String outcome, double points, Double earned) {
        public String outcomeName() {
            return switch (outcome) {
                case "passed" -> "通过";
                case "failed" -> "未通过";
                case "partial" -> "部分通过";
                default -> "无法判断";
            };
        }
    }

    /** A part of the page: a heading, a paragraph, a table, or a placeholder for something missing. */
    record Block(String kind, String text, List<Row> rows, List<Item> marks) {
        public String severity() {
            return worst(marks);
        }

        public boolean unsure() {
            return !marks.isEmpty() && marks.stream().allMatch(Item::reading);
        }
    }

    /** A row of a table as printed, with the findings at it. */
    record Row(int line, List<String> cells, List<Item> marks) {
        public String severity() {
            return worst(marks);
        }

        public boolean unsure() {
            return !marks.isEmpty() && marks.stream().allMatch(Item::reading);
        }
    }

    private static String worst(List<Item> marks) {
        return marks.stream().map(m -> m.finding().severity()).max((a, b) -> RANK.getOrDefault(a, 0) - RANK.getOrDefault(b, 0))
                .orElse(null);
    }

    static ReportView of(Assessment a, String text, Scorecard card) {
        String[] lines = text == null ? new String[0] : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, Integer> cellLines = new LinkedHashMap<>();
        Map<String, int[]> tableLines = new TreeMap<>(); // table → first and last line of its cells
        if (a.facts() != null) {
            for (Assessment.Cell c : a.facts().cells()) {
                cellLines.put(c.table() + "/" + c.row() + "/" + c.column(), c.line());
                cellLines.putIfAbsent(c.table() + "/" + c.row() + "/", c.line());
                tableLines.merge(c.table(), new int[] {c.line(), c.line()},
                        (x, y) -> new int[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            }
        }
        Map<Integer, Integer> partLines = new TreeMap<>();
        for (int i = 0; i < lines.length; i++) {
            var m = PART.matcher(lines[i]);
            if (m.find() && lines[i].length() < 60 && !lines[i].contains("|")) {
                partLines.putIfAbsent(PARTS.indexOf(m.group(1)) + 1, i + 1);
            }
        }
        Map<String, CheckResult> results = new LinkedHashMap<>();
        a.checks().forEach(c -> results.put(c.id(), c));

        List<Item> items = new ArrayList<>();
        Map<Integer, List<Item>> atLine = new TreeMap<>();
        Map<Integer, List<Item>> afterLine = new TreeMap<>(); // placeholders for what is missing
        List<Item> whole = new ArrayList<>();
        int n = 0;
        for (Finding f : a.findings()) {
            Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
            Scorecard.Check check = card == null ? null : card.check(f.check());
            CheckResult result = results.get(f.check());
            Item item = new Item(++n, f, org.nianbao.rules.Labels.place(e), check == null ? f.check() : check.name(), zeroReason(f, check, result),
                    f.ruleId().startsWith("READ-"));
            items.add(item);
            Integer line = e.line();
            if (line == null && e.table() != null) {
                line = cellLines.get(e.table() + "/" + e.row() + "/" + (e.column() == null ? "" : e.column()));
                if (line == null && e.row() != null) {
                    line = cellLines.get(e.table() + "/" + e.row() + "/");
                }
            }
            if (line != null && line >= 1 && line <= lines.length) {
                atLine.computeIfAbsent(line, k -> new ArrayList<>()).add(item);
            } else if (e.table() != null) {
                int[] range = tableLines.get(e.table());
                Integer part = e.table().matches("[2-4]") ? partLines.get(Integer.parseInt(e.table())) : null;
                int after = range != null ? range[1] : part != null ? part : lines.length;
                afterLine.computeIfAbsent(after, k -> new ArrayList<>()).add(item);
            } else if (e.section() != null && partLines.containsKey(e.section())) {
                atLine.computeIfAbsent(partLines.get(e.section()), k -> new ArrayList<>()).add(item);
            } else {
                whole.add(item);
            }
        }

        List<Block> blocks = new ArrayList<>();
        if (!whole.isEmpty()) {
            blocks.add(new Block("whole", "关于全文", List.of(), whole));
        }
        List<Row> table = null;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            List<Item> marks = atLine.getOrDefault(number, List.of());
            if (line.contains("|")) {
                if (table == null) {
                    table = new ArrayList<>();
                }
                table.add(new Row(number, cells(line), marks));
            } else {
                if (table != null) {
                    blocks.add(new Block("table", null, table, List.of()));
                    table = null;
                }
                if (!line.isEmpty() || !marks.isEmpty()) {
                    boolean heading = PART.matcher(line).find() && line.length() < 60;
                    blocks.add(new Block(heading ? "heading" : "paragraph", line, List.of(), marks));
                }
            }
            List<Item> missing = afterLine.get(number);
            if (missing != null) {
                if (table != null) {
                    blocks.add(new Block("table", null, table, List.of()));
                    table = null;
                }
                blocks.add(new Block("missing", "缺少或未能读出的内容", List.of(), missing));
            }
        }
        if (table != null) {
            blocks.add(new Block("table", null, table, List.of()));
        }
        afterLine.entrySet().stream().filter(e -> e.getKey() > lines.length)
                .forEach(e -> blocks.add(new Block("missing", "缺少或未能读出的内容", List.of(), e.getValue())));

        List<CheckView> checks = a.checks().stream().map(c -> {
            Scorecard.Check check = card == null ? null : card.check(c.id());
            return new CheckView(c.id(), check == null ? c.id() : check.name(), c.outcome(), c.points(), c.earned());
        }).toList();
        return new ReportView(blocks, items, checks);
    }

    /** A row's cells as printed between its separators. */
    private static List<String> cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : s.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    /** Why a finding that counts against its check deducted nothing. */
    private static String zeroReason(Finding f, Scorecard.Check check, CheckResult result) {
        if (f.deduction() == null || f.deduction() > 0 || !f.isErrorOrWarning()) {
            return null;
        }
        if (check != null && check.points() == 0) {
            return "此项在记分卡中不计分，只作提示";
        }
        if (result != null && result.earned() != null && result.earned() == 0) {
            return "检查项 " + f.check() + " 的 " + org.nianbao.rules.Labels.show(result.points()) + " 分已经扣完，不再重复扣分";
        }
        return "按记分卡，这条问题不扣分";
    }

    /** The scorecard an assessment names (by id), for its checks' names; the one in force when it is no longer kept. */
    static Scorecard scorecardOf(Assessment a, org.nianbao.submission.AssessmentService service) {
        String label = a.ruleset().scorecard();
        String id = label.contains("@") ? label.substring(0, label.indexOf('@')) : label;
        Scorecard kept = service.scorecards().get(id);
        return kept != null ? kept : service.assessor().scorecard();
    }
}
