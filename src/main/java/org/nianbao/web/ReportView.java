package org.nianbao.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.assessment.Assessment;
import org.nianbao.rules.Evidence;
import org.nianbao.rules.Finding;
import org.nianbao.rules.Labels;
import org.nianbao.scoring.CheckResult;
import org.nianbao.scoring.Scorecard;

/**
 * A report as it was read, laid out for the result page: its parts and paragraphs, its tables as tables, and each
 * finding at its place — the line or the table row it cites, or a placeholder where something is missing. A cell
 * the reader was unsure of is marked apart, so that a reading problem does not look like the report's own.
 *
 * <p>The list beside it groups the findings by cause — every missing row of a table is one entry with its rows, the
 * checks they made impossible with it; the same rule on one table row is one entry — and orders the entries by the
 * points they cost, then by their place in the report. The summary never states a date a finding rejects, and says in
 * one line how the total comes from the categories when checks could not be made.
 */
record ReportView(List<Block> blocks, List<Group> groups, List<CheckView> checks, Summary summary) {

    private static final Pattern PART = Pattern.compile("^\\s*([一二三四五六])\\s*[、.．]");
    private static final Pattern TABLE_MISSING = Pattern.compile("^表([2-4])缺少");
    private static final String PARTS = "一二三四五六";
    private static final Map<String, Integer> RANK = Map.of("error", 3, "warning", 2, "info", 1);

    /**
     * A finding at its place: the number of its entry in the list, its own anchor in the report, where it is in words,
     * its check's name, why it deducted nothing, whether it is a reading problem, and the figures it compares.
     */
    record Item(int number, String anchor, Finding finding, String place, String checkName, String zeroReason,
                boolean reading, String figures) {
        public String severityName() {
            return severityName(finding.severity());
        }

        /** How it is listed within its entry: a missing row by its label, anything else by its message. */
        public String memberLabel() {
            Evidence e = evidence(finding);
            return finding.ruleId().endsWith("-ROW-MISSING") && e.table() != null && e.row() != null
                    ? "「" + Labels.rowLabel(e.table(), e.row()) + "」行" : finding.message();
        }

        static String severityName(String severity) {
            return switch (severity == null ? "" : severity) {
                case "error" -> "错误";
                case "warning" -> "警告";
                default -> "提示";
            };
        }
    }

    /**
     * One entry of the list: a finding alone, or what one cause made — every missing row of a table (its
     * {@code items}) and the checks that could therefore not be made ({@code consequences}) — with the points it all cost.
     */
    record Group(int number, String title, List<Item> items, List<Item> consequences, double deduction) {
        public Item first() {
            return items.get(0);
        }

        public boolean single() {
            return items.size() == 1 && consequences.isEmpty();
        }

        public List<Item> all() {
            List<Item> all = new ArrayList<>(items);
            all.addAll(consequences);
            return all;
        }

        public String severity() {
            return worst(all());
        }

        public String severityName() {
            return Item.severityName(severity());
        }

        public boolean reading() {
            return all().stream().allMatch(Item::reading);
        }

        /** The suggestions of its findings, each once. */
        public List<String> suggestions() {
            return all().stream().map(i -> i.finding().suggestion()).filter(s -> s != null && !s.isBlank()).distinct().toList();
        }

        /** Its checks, each once, by their short names: 「C3 第三部分统计表各行×7列齐全」. */
        public List<String> checks() {
            return all().stream().map(i -> i.finding().check() + " " + shortName(i.checkName())).distinct().toList();
        }

        /** Its rules, each once. */
        public List<String> rules() {
            return all().stream().map(i -> i.finding().ruleId()).distinct().toList();
        }

        /** Why some of its findings deducted nothing, each reason once with how many. */
        public List<String> zeroReasons() {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            all().stream().filter(i -> i.zeroReason() != null).forEach(i -> reasons.merge(i.zeroReason(), 1, Integer::sum));
            return reasons.entrySet().stream()
                    .map(e -> single() ? "不扣分：" + e.getKey() : "其中 " + e.getValue() + " 条不扣分：" + e.getKey())
                    .toList();
        }
    }

    /** A check with its Chinese name, what it is worth, what it earned, and how many findings count against it. */
    record CheckView(String id, String name, String outcome, double points, Double earned, int problems) {
        public String outcomeName() {
            String name = switch (outcome) {
                case "passed" -> "通过";
                case "failed" -> "未通过";
                case "partial" -> "部分通过";
                default -> "无法判断";
            };
            return "passed".equals(outcome) && problems > 0 ? name + "（另有 " + problems + " 条提醒，不扣分）" : name;
        }
    }

    /**
     * What the top of the page states: the publication date as the assessment can stand by it (or why not), and how
     * the total comes from the categories when some checks could not be made (null when all could).
     */
    record Summary(String publishedOn, String total) {
    }

    /** A part of the page: a heading, a paragraph, a table, or a placeholder for something missing. */
    record Block(String kind, String text, List<Row> rows, List<Item> marks) {
        public String severity() {
            return worst(marks);
        }

        public boolean unsure() {
            return !marks.isEmpty() && marks.stream().allMatch(Item::reading);
        }

        /** Its marks as numbers beside it: one per entry of the list. */
        public List<Item> pins() {
            return firstOfEach(marks);
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

        public List<Item> pins() {
            return firstOfEach(marks);
        }
    }

    private static List<Item> firstOfEach(List<Item> marks) {
        Set<Integer> seen = new LinkedHashSet<>();
        return marks.stream().filter(m -> seen.add(m.number())).toList();
    }

    private static String worst(List<Item> marks) {
        return marks.stream().map(m -> m.finding().severity()).max((a, b) -> RANK.getOrDefault(a, 0) - RANK.getOrDefault(b, 0))
                .orElse(null);
    }

    /** Where a finding goes in the report: at a line, after a line (a placeholder), or about the whole text. */
    private record Place(String kind, int line) {
        double position() {
            return kind.equals("whole") ? 0 : kind.equals("at") ? line : line + 0.5;
        }
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

        // where each finding goes
        List<Finding> findings = a.findings();
        Place[] places = new Place[findings.size()];
        for (int i = 0; i < findings.size(); i++) {
            Evidence e = evidence(findings.get(i));
            Integer line = e.line();
            if (line == null && e.table() != null) {
                line = cellLines.get(e.table() + "/" + e.row() + "/" + (e.column() == null ? "" : e.column()));
                if (line == null && e.row() != null) {
                    line = cellLines.get(e.table() + "/" + e.row() + "/");
                }
            }
            if (line != null && line >= 1 && line <= lines.length) {
                places[i] = new Place("at", line);
            } else if (e.table() != null) {
                int[] range = tableLines.get(e.table());
                Integer part = e.table().matches("[2-4]") ? partLines.get(Integer.parseInt(e.table())) : null;
                places[i] = new Place("after", range != null ? range[1] : part != null ? part : lines.length);
            } else if (e.section() != null && partLines.containsKey(e.section())) {
                places[i] = new Place("at", partLines.get(e.section()));
            } else {
                places[i] = new Place("whole", 0);
            }
        }

        // the list's entries: one per cause
        Map<String, List<Integer>> causes = new LinkedHashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        Map<List<Integer>, List<Integer>> consequences = new java.util.IdentityHashMap<>(); // the lists are sorted later
        String[] keys = new String[findings.size()];
        for (int i = 0; i < findings.size(); i++) {
            keys[i] = causeKey(findings.get(i));
            if (keys[i] != null) {
                int index = i;
                causes.computeIfAbsent(keys[i], k -> {
                    List<Integer> group = new ArrayList<>();
                    members.add(group);
                    return group;
                }).add(index);
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            if (keys[i] != null) {
                continue;
            }
            String madeBy = consequenceOf(findings.get(i));
            List<Integer> cause = madeBy == null ? null : causes.get(madeBy);
            if (cause != null) {
                consequences.computeIfAbsent(cause, k -> new ArrayList<>()).add(i);
            } else {
                List<Integer> alone = new ArrayList<>(List.of(i));
                members.add(alone);
            }
        }
        Comparator<Integer> byPlace = Comparator.comparingDouble((Integer i) -> places[i].position()).thenComparingInt(i -> i);
        members.forEach(g -> g.sort(byPlace));
        consequences.values().forEach(c -> c.sort(byPlace));
        members.sort(Comparator.comparingDouble((List<Integer> g) -> -cost(findings, g, consequences.getOrDefault(g, List.of())))
                .thenComparingDouble(g -> places[g.get(0)].position()).thenComparingInt(g -> g.get(0)));

        Item[] items = new Item[findings.size()];
        List<Group> groups = new ArrayList<>();
        for (int n = 0; n < members.size(); n++) {
            int number = n + 1;
            List<Integer> group = members.get(n);
            List<Integer> made = consequences.getOrDefault(group, List.of());
            int k = 0;
            for (List<Integer> part : List.of(group, made)) {
                for (int i : part) {
                    items[i] = item(number, k++ == 0 ? "at-" + number : "at-" + number + "-" + k, findings.get(i), card,
                            results.get(findings.get(i).check()));
                }
            }
            List<Item> groupItems = group.stream().map(i -> items[i]).toList();
            List<Item> madeItems = made.stream().map(i -> items[i]).toList();
            groups.add(new Group(number, title(groupItems), groupItems, madeItems,
                    cost(findings, group, made)));
        }

        Map<Integer, List<Item>> atLine = new TreeMap<>();
        Map<Integer, List<Item>> afterLine = new TreeMap<>(); // placeholders for what is missing
        List<Item> whole = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> items[i].number()).thenComparing(byPlace));
        for (int i : order) {
            switch (places[i].kind()) {
                case "at" -> atLine.computeIfAbsent(places[i].line(), x -> new ArrayList<>()).add(items[i]);
                case "after" -> afterLine.computeIfAbsent(places[i].line(), x -> new ArrayList<>()).add(items[i]);
                default -> whole.add(items[i]);
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
            int problems = (int) findings.stream().filter(f -> c.id().equals(f.check()) && f.isErrorOrWarning()).count();
            return new CheckView(c.id(), check == null ? c.id() : check.name(), c.outcome(), c.points(), c.earned(), problems);
        }).toList();
        return new ReportView(blocks, groups, checks, summary(a, card, groups));
    }

    private static Evidence evidence(Finding f) {
        return f.evidence() == null ? Evidence.NONE : f.evidence();
    }

    /**
     * The cause a finding shares with others: the missing rows of one table ({@code rows:3}), or the same rule on one
     * row of a table; null for a finding that stands alone.
     */
    static String causeKey(Finding f) {
        Evidence e = evidence(f);
        if (e.table() == null) {
            return null;
        }
        if (f.ruleId().endsWith("-ROW-MISSING")) {
            return "rows:" + e.table();
        }
        return e.row() == null ? null : "rule:" + f.ruleId() + "@" + e.table() + "/" + e.row();
    }

    /** The cause that made a check impossible: 「表3缺少…，勾稽关系无法核对」 belongs with table 3's missing rows. */
    static String consequenceOf(Finding f) {
        if (!f.ruleId().endsWith("-UNCHECKABLE") || f.message() == null) {
            return null;
        }
        Matcher m = TABLE_MISSING.matcher(f.message());
        return m.find() ? "rows:" + m.group(1) : null;
    }

    private static double cost(List<Finding> findings, List<Integer> group, List<Integer> made) {
        double sum = 0;
        for (List<Integer> part : List.of(group, made)) {
            for (int i : part) {
                sum += findings.get(i).deduction() == null ? 0 : findings.get(i).deduction();
            }
        }
        return Math.round(sum * 100) / 100.0;
    }

    /** An entry's heading: the finding's message, or what its findings share. */
    private static String title(List<Item> items) {
        Finding first = items.get(0).finding();
        if (items.size() == 1) {
            return first.message();
        }
        Evidence e = evidence(first);
        if (first.ruleId().endsWith("-ROW-MISSING")) {
            String part = e.table().matches("[2-4]") ? "第" + PARTS.charAt(Integer.parseInt(e.table()) - 1) + "部分统计表" : "表" + e.table();
            return part + "缺少 " + items.size() + " 行";
        }
        return Labels.place(new Evidence(null, e.table(), e.row(), null, null, null, null, null)) + "：同一问题 " + items.size() + " 处";
    }

    private static Item item(int number, String anchor, Finding f, Scorecard card, CheckResult result) {
        Scorecard.Check check = card == null ? null : card.check(f.check());
        Evidence e = evidence(f);
        return new Item(number, anchor, f, Labels.place(e), check == null ? f.check() : check.name(), zeroReason(f, check, result),
                f.ruleId().startsWith("READ-"), figures(e, check));
    }

    /**
     * The numbers a finding compares, as a person says them: 「应为 12，报告中为 11」; a check against last year's
     * report 「上年为 550，本年为 9487」; only what the report says when there is nothing it should be.
     */
    static String figures(Evidence e, Scorecard.Check check) {
        if (e.expected() == null && e.actual() == null) {
            return null;
        }
        String expected = e.expected() == null ? null : Labels.show(e.expected());
        String actual = e.actual() == null ? null : Labels.show(e.actual());
        if (check != null && Boolean.TRUE.equals(check.needsPreviousYear())) {
            return expected == null ? "本年为 " + actual : actual == null ? "上年为 " + expected
                    : "上年为 " + expected + "，本年为 " + actual;
        }
        if (expected == null) {
            return "报告中为 " + actual;
        }
        return actual == null ? "应为 " + expected : "应为 " + expected + "，报告中为 " + actual;
    }

    /** The date and the total as the summary states them. */
    private static Summary summary(Assessment a, Scorecard card, List<Group> groups) {
        String date = a.report().publishedOn();
        String publishedOn;
        if (date == null) {
            publishedOn = "公开日期 未找到";
        } else {
            Group rejecting = groups.stream().filter(g -> g.all().stream().anyMatch(i -> rejects(i.finding(), date, a)))
                    .findFirst().orElse(null);
            publishedOn = rejecting != null
                    ? "公开日期 未能确定（" + source(a.report().publishedOnSource()) + " " + date + " 不能作为公开日期，见第 "
                            + rejecting.number() + " 条）"
                    : "公开日期 " + date + "（" + source(a.report().publishedOnSource()) + "）";
        }
        List<CheckResult> left = a.checks().stream().filter(c -> "not_applicable".equals(c.outcome()) && c.points() > 0).toList();
        String total = null;
        if (!left.isEmpty()) {
            double earned = a.categories().stream().mapToDouble(c -> c.score()).sum();
            double max = a.categories().stream().mapToDouble(c -> c.max()).sum();
            List<String> named = new ArrayList<>();
            for (CheckResult c : left) {
                String name = card == null || card.check(c.id()) == null ? "" : " " + shortName(card.check(c.id()).name());
                named.add(c.id() + name + "（" + Labels.show(c.points()) + " 分）");
            }
            total = "各类合计得 " + Labels.show(round2(earned)) + " 分，适用的满分为 " + Labels.show(round2(max)) + " 分："
                    + String.join("、", named) + "无法判断，不计入。总分按 100 分折算：" + Labels.show(round2(earned))
                    + " ÷ " + Labels.show(round2(max)) + " × 100 = " + Labels.show(a.score()) + "。";
        }
        return new Summary(publishedOn, total);
    }

    /** A finding that cites the date and says the check the date decides could not be made: the date is rejected. */
    private static boolean rejects(Finding f, String date, Assessment a) {
        Evidence e = evidence(f);
        boolean cites = date.equals(e.excerpt()) || f.message() != null && f.message().contains(date);
        return cites && a.checks().stream().anyMatch(c -> c.id().equals(f.check()) && "not_applicable".equals(c.outcome()));
    }

    private static String source(String publishedOnSource) {
        return switch (publishedOnSource == null ? "" : publishedOnSource) {
            case "given" -> "提交时填写";
            case "page" -> "网页的发布时间";
            case "signature" -> "落款日期";
            default -> "日期";
        };
    }

    /** A check's name up to its first bracket. */
    static String shortName(String name) {
        int cut = name.indexOf('（');
        return cut > 0 ? name.substring(0, cut) : name;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
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
            return "检查项 " + f.check() + " 的 " + Labels.show(result.points()) + " 分已经扣完，不再重复扣分";
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
