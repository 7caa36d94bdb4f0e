package org.nianbao.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.Section;
import org.nianbao.report.StatisticalPeriod;

/**
 * The statement of the statistical period, as reports write it: under several names (统计期限, 统计时限, 统计期,
 * 统计时间(段), 统计起止时间, 统计周期, 时间期限, 起止时间, 内容涵盖…期间), with 至/到/起至/起,至/「-」「——」 between the dates,
 * dates written 2023年1月1日, 2023.1.1 or 2023-1-1, the end's year left out (「2023年1月1日至12月31日」), a line break
 * or spaces inside a date, and dates whose 年 or 月 a publishing system dropped (「自20221月1日起至202212月31日止」,
 * 「自202111日起至20211231日止」): each read for what it says. A cut-off alone (「数据截止时间为2022年12月31日」) gives
 * the period's end only.
 *
 * <p>A date range that no such name introduces (「2023年1月1日至12月31日，我局主动公开…」) qualifies one count, not the
 * report, and is not taken; nor is a range with an open end (「2016年1月至今」) or with the years left out
 * (「自年1月1日起，至年12月31日止」, a template never filled in).
 */
final class StatisticalPeriods {

    private static final String Y = "((?:19|20)\\d{2})";
    /** A date: year, month, day (the day may be left out); 年 or 月 may be lost; or in figures with . - /. */
    private static final String DATE = Y + "(?:年|\\.|-|/)?(\\d{1,2})(?:月|\\.|-|/)(?:(\\d{1,2})日?)?";
    /** The end: the same, its year optional. */
    private static final String END = "(?:" + Y + "(?:年|\\.|-|/)?)?(\\d{1,2})(?:月|\\.|-|/)(?:(\\d{1,2})日?)?";
    private static final String BETWEEN = "(?:起)?[,]?(?:至|到|-{1,2}|—{1,2}|~|～)(?:于)?";

    /** The names a report gives its period, before the dates in the same sentence. */
    private static final Pattern NAME = Pattern.compile(
            "统计|期限|时限|时段|时间段|起止时间|周期|涵盖|数据核定|截止日期|截止时间|数据截止|数据截至");
    /** The same, searched only where one of its words begins. */
    private static final Openings NAME_WORDS = Openings.of(NAME);
    private static final Pattern RANGE = Pattern.compile(DATE + BETWEEN + END + "(?:止|截止)?");
    /** Both dates with 年 and 月 lost: 「202111日」 and 「20211231日」 (a day of one or two digits, a month of one or two). */
    private static final Pattern RUN_TOGETHER = Pattern.compile(
            Y + "(\\d{2,4})日" + BETWEEN + Y + "(\\d{2,4})日(?:止|截止)?");
    /** Everything lost: 「自2015111231日」 is 2015年1月1日至12月31日. */
    private static final Pattern ALL_LOST = Pattern.compile(Y + "111231日");
    /** 「统计期限为2023年度」「数据统计期间：2023年」: the whole year. */
    private static final Pattern WHOLE_YEAR = Pattern.compile(
            "统计(?:期限|期间|时限|时段|区间|范围|周期)?(?:为|是|:)?" + Y + "年度?(?![\\d一二三四五六七八九十]{1,2}月)");
    /** A cut-off alone: 「数据核定时间点为2022年12月31日」「报告统计数据截止时间为2022年12月31日」. */
    private static final Pattern CUT_OFF = Pattern.compile(
            "(?:核定时间点|截止日期|截止时间|数据截止|数据截至)(?:为|是|:|于)?" + Y + "(?:年|\\.|-|/)(\\d{1,2})(?:月|\\.|-|/)(\\d{1,2})日?");
    private static final Pattern SENTENCE_END = Pattern.compile("[。;!?]");

    private StatisticalPeriods() {
    }

    /** The first statement of the period in the narrative (not in the tables), or {@code null}. */
    static StatisticalPeriod read(List<SourceLine> lines, List<Section> sections) {
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            String compact = line.compact();
            if (compact.isEmpty() || !NAME_WORDS.in(compact) || inTables(sections, line.number())) {
                continue;
            }
            // a date broken over two lines (「至 2023⏎年 12 月 31 日」): the next line goes on with this one
            String text = compact;
            String next = nextLine(lines, i);
            if (next != null && !SENTENCE_END.matcher(compact.substring(compact.length() - 1)).find()) {
                text = compact + next;
            }
            StatisticalPeriod period = in(text, compact.length(), line.number());
            if (period != null) {
                return period;
            }
        }
        return null;
    }

    /** The period a text states, beginning before {@code limit}; {@code null} if none. */
    static StatisticalPeriod in(String text, int limit, int line) {
        Matcher m = RANGE.matcher(text);
        while (m.find() && m.start() < limit) {
            if (!named(text, m.start(), m.end())) {
                continue;
            }
            LocalDate from = Dates.of(m.group(1), m.group(2), m.group(3) != null ? m.group(3) : "1");
            String toYear = m.group(4) != null ? m.group(4) : m.group(1);
            LocalDate to = m.group(6) != null ? Dates.of(toYear, m.group(5), m.group(6)) : lastDayOf(toYear, m.group(5));
            if (from != null && to != null && !to.isBefore(from)) {
                return new StatisticalPeriod(from, to, line, excerpt(text, m.start(), m.end()));
            }
        }
        Matcher r = RUN_TOGETHER.matcher(text);
        while (r.find() && r.start() < limit) {
            LocalDate from = monthAndDay(r.group(1), r.group(2));
            LocalDate to = monthAndDay(r.group(3), r.group(4));
            if (from != null && to != null && !to.isBefore(from) && named(text, r.start(), r.end())) {
                return new StatisticalPeriod(from, to, line, excerpt(text, r.start(), r.end()));
            }
        }
        Matcher lost = ALL_LOST.matcher(text);
        if (lost.find() && lost.start() < limit && named(text, lost.start(), lost.end())) {
            int year = Integer.parseInt(lost.group(1));
            return new StatisticalPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), line,
                    excerpt(text, lost.start(), lost.end()));
        }
        Matcher y = WHOLE_YEAR.matcher(text);
        if (y.find() && y.start() < limit) {
            int year = Integer.parseInt(y.group(1));
            return new StatisticalPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), line,
                    text.substring(y.start(), y.end()));
        }
        Matcher c = CUT_OFF.matcher(text);
        if (c.find() && c.start() < limit) {
            LocalDate to = Dates.of(c.group(1), c.group(2), c.group(3));
            if (to != null) {
                return new StatisticalPeriod(null, to, line, text.substring(c.start(), c.end()));
            }
        }
        return null;
    }

    /**
     * The range is the report's period: a name for it stands before it in the same sentence (at most 40 characters
     * before), or 「期间」 follows it (「内容涵盖…2022年1月1日至12月31日期间」).
     */
    private static boolean named(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < 40 && !SENTENCE_END.matcher(String.valueOf(text.charAt(from - 1))).find()) {
            from--;
        }
        if (NAME.matcher(text.substring(from, start)).find()) {
            return true;
        }
        return text.startsWith("期间", end);
    }

    /** 「11」 is 1月1日, 「1231」 is 12月31日; 「121」 could be either and is not read. */
    private static LocalDate monthAndDay(String year, String digits) {
        return switch (digits.length()) {
            case 2 -> Dates.of(year, digits.substring(0, 1), digits.substring(1));
            case 4 -> Dates.of(year, digits.substring(0, 2), digits.substring(2));
            default -> null;
        };
    }

    private static LocalDate lastDayOf(String year, String month) {
        LocalDate first = Dates.of(year, month, "1");
        return first == null ? null : first.withDayOfMonth(first.lengthOfMonth());
    }

    private static boolean inTables(List<Section> sections, int line) {
        int section = NarrativeReader.sectionOf(sections, line);
        return section >= 2 && section <= 4;
    }

    private static String nextLine(List<SourceLine> lines, int i) {
        for (int j = i + 1; j < lines.size() && j <= i + 2; j++) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).compact();
            }
        }
        return null;
    }

    private static String excerpt(String text, int start, int end) {
        return text.substring(Math.max(0, start - 12), end);
    }
}
