package org.nianbao.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nianbao.rounds.Ranking;
import org.nianbao.rounds.RoundStatistics;

/**
 * A round's ranking as its page shows it: the rows of the expected agencies, filtered by group, grade and a part of
 * the name, sorted by the column asked for (the ranking's own order by default: group, then rank), each category
 * with its maximum, last year's score and the change where there is one, and why a report could not be scored.
 * Only what is shown changes: the ranks are the ranking's.
 */
record RankingView(List<Column> categories, List<RowView> rows, List<String> groups, List<String> grades, Query query,
                   int total) {

    /** What the page was asked for: group, grade, search text, sort column and direction. */
    record Query(String group, String grade, String q, String sort, String dir) {
        Query {
            group = blank(group);
            grade = blank(grade);
            q = blank(q);
            sort = blank(sort) == null ? "rank" : sort;
            dir = "desc".equals(dir) ? "desc" : "asc";
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        /** The direction a click on a column asks for: the other one when it is sorted by it, else its natural one. */
        public String next(String column) {
            if (column.equals(sort)) {
                return "asc".equals(dir) ? "desc" : "asc";
            }
            return column.equals("agency") || column.equals("rank") ? "asc" : "desc";
        }

        /** aria-sort of a column's header. */
        public String aria(String column) {
            return column.equals(sort) ? ("asc".equals(dir) ? "ascending" : "descending") : "none";
        }

        public boolean filtered() {
            return group != null || grade != null || q != null;
        }
    }

    /** A category column: its id, name and maximum in the round's scorecard. */
    record Column(String id, String name, double max) {
    }

    /** A row as shown: the ranking's row, its category scores, last year's score and the change, its status in words. */
    record RowView(Ranking.Row row, List<String> categoryScores, Double lastYear, Double change, String status) {
    }

    private static final Map<String, String> STATUS = Map.of("scored", "已评分", "missing", "未提交", "failed", "无法评分",
            "unmatched", "未匹配");

    static RankingView of(List<Ranking.Row> all, RoundStatistics.Statistics stats, Query query) {
        List<Column> columns = stats.categories().stream().map(c -> new Column(c.id(), c.name(), c.max())).toList();
        List<Ranking.Row> expected = all.stream().filter(r -> r.agencyId() != null && !"unmatched".equals(r.status())).toList();
        List<String> groups = expected.stream().map(Ranking.Row::group).filter(Objects::nonNull).distinct().sorted().toList();
        List<String> grades = stats.grades().stream().map(RoundStatistics.GradeCount::grade).toList();
        List<RowView> rows = new ArrayList<>();
        for (Ranking.Row r : expected) {
            if (query.group() != null && !query.group().equals(r.group())
                    || query.grade() != null && !(query.grade().equals(r.grade())
                        || query.grade().equals("未评分") && r.grade() == null)
                    || query.q() != null && !r.agency().contains(query.q())) {
                continue;
            }
            List<String> scores = columns.stream().map(c -> r.categories().stream().filter(x -> x.id().equals(c.id()))
                    .findFirst().map(x -> Numbers.INSTANCE.show(x.score())
                            + (Math.abs(x.max() - c.max()) > 0.001 ? " / " + Numbers.INSTANCE.show(x.max()) : ""))
                    .orElse("—")).toList();
            Double last = stats.lastYearScores().get(r.agencyId());
            Double change = last != null && r.score() != null ? Math.round((r.score() - last) * 100) / 100.0 : null;
            rows.add(new RowView(r, scores, last, change, STATUS.getOrDefault(r.status(), r.status())));
        }
        Comparator<RowView> order = comparator(query.sort(), columns);
        if (order != null) {
            Comparator<RowView> directed = "desc".equals(query.dir()) ? order.reversed() : order;
            // rows without the value (no score, no change) go last either way
            rows.sort(Comparator.comparing((RowView v) -> value(v, query.sort()) == null).thenComparing(directed));
        } else if ("desc".equals(query.dir())) {
            java.util.Collections.reverse(rows);
        }
        return new RankingView(columns, rows, groups, grades, query, expected.size());
    }

    /** The comparator of a sort column; null for the ranking's own order. */
    private static Comparator<RowView> comparator(String sort, List<Column> columns) {
        return switch (sort) {
            case "agency" -> Comparator.comparing(v -> v.row().agency(), java.text.Collator.getInstance(java.util.Locale.CHINA));
            case "score", "findings", "change" -> Comparator.comparing(v -> (Double) value(v, sort),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            default -> sort.startsWith("cat:") && columns.stream().anyMatch(c -> sort.equals("cat:" + c.id()))
                    ? Comparator.comparing(v -> (Double) value(v, sort), Comparator.nullsLast(Comparator.naturalOrder()))
                    : null;
        };
    }

    private static Object value(RowView v, String sort) {
        Ranking.Row r = v.row();
        return switch (sort) {
            case "agency" -> r.agency();
            case "score" -> r.score();
            case "findings" -> r.findings() == null ? null : r.findings().doubleValue();
            case "change" -> v.change();
            default -> sort.startsWith("cat:") ? r.categories().stream().filter(c -> sort.equals("cat:" + c.id()))
                    .map(Ranking.CategoryScore::score).findFirst().orElse(null) : "";
        };
    }
}
