package org.nianbao.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a web page says it published the report on, from its own metadata: 「发布时间：」「发布日期」「信息提供日期 :」
 * 「时间:」「成文日期」「生成日期/有效期」 and the like, a label then a date. Only the page's head (before the report's first
 * part) gives it, or the lines after the report before the page's footer: a related link's or a footer's date
 * (「相关链接」「上一篇」「版权所有」) never does. A publication label ranks before a document's own date (成文日期,
 * 生成日期, 更新时间) wherever each stands in the head.
 */
public final class PageDates {

    private static final String DATE = "((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})";
    /** Labels of the publication itself. */
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?:发布时间|发布日期|发稿时间|公开日期|发布于|信息提供日期|信息来源.{0,20}?时间)[:：|]{0,3}" + DATE);
    /** A bare 「时间:」「日期:」, not the end of another label (统计时间, 办理时间): checked on the line with its spaces. */
    private static final Pattern BARE = Pattern.compile("(?:^|[\\s|:\\]】)）])(?:时间|日期)\\s*[:：]\\s*" + DATE.replace("[-/.年]", "\\s*[-/.年]\\s*")
            .replace("[-/.月]", "\\s*[-/.月]\\s*"));
    /** Dates of the document rather than of the page: taken only when no publication label gives one. */
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?:生成日期|公文生成日期|成文日期|发文日期|更新时间)(?:/有效期)?[:：|]{0,3}" + DATE);
    /** Where a page's footer or its list of related pages begins. */
    private static final Pattern FOOTER = Pattern.compile(
            "相关链接|相关文章|相关阅读|相关新闻|相关信息|相关文件|上一篇|下一篇|版权所有|主办单位|网站标识码|ICP备|扫一扫在手机");
    /** A quick test: the line may hold a page date at all. */
    private static final Pattern ANY = Pattern.compile("时间|日期|发布于");

    private PageDates() {
    }

    /**
     * The page date of these lines (each as printed and without white space): the best-ranked one among the lines
     * before {@code reportStart}; else the first one from {@code reportEnd} on, before the footer.
     *
     * @param reportStart the index of the report's first part heading (the lines before it are the page's head)
     * @param reportEnd   the index from which the lines are after the report's text (its last part)
     */
    public static LocalDate in(List<String> text, List<String> compact, int reportStart, int reportEnd) {
        LocalDate published = null;
        LocalDate document = null;
        for (int i = 0; i < Math.min(reportStart, compact.size()); i++) {
            if (published == null) {
                published = published(text.get(i), compact.get(i));
            }
            if (document == null) {
                document = date(DOCUMENT.matcher(compact.get(i)));
            }
        }
        if (published != null || document != null) {
            return published != null ? published : document;
        }
        for (int i = Math.max(reportEnd, reportStart); i < compact.size(); i++) {
            if (FOOTER.matcher(compact.get(i)).find()) {
                break;
            }
            LocalDate d = published(text.get(i), compact.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The page date of a page's lines: the head before the first part heading (「一、总体情况」), else after the last. */
    public static LocalDate in(List<SourceLine> lines) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (PART_HEADING.matcher(lines.get(i).compact()).lookingAt()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        List<String> text = lines.stream().map(SourceLine::text).toList();
        List<String> compact = lines.stream().map(SourceLine::compact).toList();
        return in(text, compact, first < 0 ? lines.size() : first, last < 0 ? lines.size() : last + 1);
    }

    /**
     * The page date of a page's text in one piece (a web page's body): the head before the first part heading, else
     * the text after the last one up to the footer.
     */
    public static LocalDate inText(String text) {
        Matcher first = FIRST_PART.matcher(text);
        int start = first.find() ? first.start() : text.length();
        int end = start;
        Matcher last = LAST_PART.matcher(text);
        while (last.find(end)) {
            end = last.end();
        }
        String after = text.substring(end);
        Matcher footer = FOOTER.matcher(after);
        List<String> zones = List.of(text.substring(0, start), footer.find() ? after.substring(0, footer.start()) : after);
        return in(zones, zones.stream().map(z -> z.replaceAll("\\s+", "")).toList(), 1, 1);
    }

    private static final Pattern FIRST_PART = Pattern.compile("一[、.．]\\s*(?:\\S{0,12}?)(?:总体情况|概述|基本情况|概况)");
    private static final Pattern LAST_PART = Pattern.compile("[五六][、.．]\\s*\\S{0,16}?(?:事项|改进情况|问题)");
    private static final Pattern PART_HEADING = Pattern.compile("[一二三四五六][、.．]\\S{2,30}(?:情况|事项|概述)$");

    private static LocalDate published(String line, String compact) {
        if (!ANY.matcher(compact).find()) {
            return null;
        }
        LocalDate d = date(PUBLISHED.matcher(compact));
        return d != null ? d : date(BARE.matcher(line));
    }

    private static LocalDate date(Matcher m) {
        while (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException | NumberFormatException e) {
                // not a date: look on
            }
        }
        return null;
    }
}
