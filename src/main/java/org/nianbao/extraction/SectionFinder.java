package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.reading.SourceText;
import org.nianbao.report.Section;

/**
 * Finds the six section headings by their titles. The section's number is decided by the title, so a
 * heading printed with the wrong ordinal (「三、主动公开政府信息情况」) or with stray characters (「l六、」) is
 * still found; the printed ordinal is kept for the numbering check.
 */
final class SectionFinder {

    private static final List<Pattern> TITLES = List.of(
            Pattern.compile("总体情况|基本情况|概述"),
            Pattern.compile("主动公开政府信息的?情况|主动公开情况"),
            Pattern.compile("收到和处理政府信息公开申请的?情况|收到和处理.{0,12}申请.{0,4}情况|依申请公开政府信息的?情况"),
            Pattern.compile("行政复议.{0,3}行政诉讼的?情况|复议.{0,3}诉讼的?情况"),
            Pattern.compile("存在的?主要问题.{0,3}改进情况|存在的?主要问题.{0,2}(改进|整改)|存在的?(主要)?问题及?(其)?改进|主要问题和改进|存在的?主要问题$"
                    + "|存在的?(主要)?问题(及|和|与)(下一?步|今后)?(工作)?(打算|计划|思路|措施|改进)|^存在的?问题$"),
            Pattern.compile("其他需要报告的事项|其他需要报告事项|其他事项$"));

    private static final List<RequiredText> TITLE_WORDS = TITLES.stream().map(RequiredText::of).toList();

    /** Optional stray characters, an optional ordinal, then the title; nothing long after it. */
    private static final Pattern HEADING = Pattern.compile(
            "^[^\\u4e00-\\u9fa5(]{0,3}(?:([一二三四五六七八九十]{1,2})[、.,:]|第([一二三四五六])部分[、:]?|([1-9])[、.])?(.{2,30}?)[。:.]?$");

    /** A title that opens with a year (「2022年…」) is a sentence's opening. */
    private static final Pattern YEAR_FIRST = Pattern.compile("(?:19|20)\\d{2}年");

    /** Where part 五 was found by its sub-parts because its own heading was not (0 when it was not so found). */
    private int inferredFive;

    private SectionFinder() {
    }

    /** The sections of a text, and the line of a part 五 found by its sub-parts (0 if none was). */
    record Found(List<Section> sections, int partFiveByItsParts) {
    }

    static Found findAll(SourceText text) {
        SectionFinder finder = new SectionFinder();
        List<Section> sections = finder.sections(text);
        return new Found(sections, finder.inferredFive);
    }

    static List<Section> find(SourceText text) {
        return findAll(text).sections();
    }

    private List<Section> sections(SourceText text) {
        List<int[]> found = new ArrayList<>(); // {number, line}
        List<String[]> printed = new ArrayList<>(); // {title, ordinal}
        boolean[] seen = new boolean[7];
        for (SourceLine line : text.lines()) {
            String compact = line.compact();
            if (compact.length() < 4 || compact.length() > 34 || compact.startsWith("(") || compact.contains("|")
                    || !mayNameASection(compact)) {
                continue;
            }
            Matcher m = HEADING.matcher(compact);
            if (!m.matches()) {
                continue;
            }
            String title = m.group(4);
            boolean numbered = m.group(1) != null || m.group(2) != null || m.group(3) != null;
            if (!numbered && (compact.endsWith("。") || YEAR_FIRST.matcher(compact).lookingAt())) {
                continue; // 「2022年我局无公开行政复议、行政诉讼的情况。」: a sentence, not a heading
            }
            for (int n = 1; n <= 6; n++) {
                if (!seen[n] && TITLES.get(n - 1).matcher(title).find() && plausibleTitle(n, title)) {
                    seen[n] = true;
                    String ordinal = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                            : m.group(3) != null ? org.nianbao.report.Ordinals.chinese(Integer.parseInt(m.group(3))) : null;
                    found.add(new int[] {n, line.number()});
                    printed.add(new String[] {line.text().strip(), ordinal});
                    break;
                }
            }
        }
        if (!seen[5]) {
            int five = partFiveByItsParts(text.lines(), found);
            if (five > 0) {
                int at = 0;
                while (at < found.size() && found.get(at)[1] < five) {
                    at++;
                }
                found.add(at, new int[] {5, five});
                printed.add(at, new String[] {text.lines().get(five - 1).text().strip(), null});
                inferredFive = five;
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int end = i + 1 < found.size() ? found.get(i + 1)[1] - 1 : text.lines().size();
            sections.add(new Section(found.get(i)[0], printed.get(i)[0], printed.get(i)[1], found.get(i)[1], end, i + 1));
        }
        return sections;
    }

    /** 「(一)存在的主要问题」「一、存在问题」: part 五's first sub-part, as a heading of its own. */
    private static final Pattern PROBLEMS_PART = Pattern.compile(
            "^(?:\\(?[一二三1-3]\\)?[、.]?)?(?:存在的?(?:主要)?问题(?:和不足)?|主要问题|问题与不足)[:。]?$");
    /** 「(二)改进情况」「(二)改进措施」「二、下一步工作打算」: its second. */
    private static final Pattern MEASURES_PART = Pattern.compile(
            "^(?:\\(?[一二三2-4]\\)?[、.]?)?(?:[^,。]{0,6}(?:改进|整改)(?:情况|措施|举措|方向|计划)?|下一?步(?:工作)?(?:打算|计划|安排|思路)?)[:。]?$");

    /**
     * Part 五 whose heading was lost (in conversion, or never written) while its two sub-parts are there: the line of
     * 「存在的主要问题」 when it follows the parts before 五, precedes 六, and 「改进情况」 (or 「改进措施」「下一步打算」) follows it.
     * Returns 0 when there is no such pair.
     */
    private static int partFiveByItsParts(List<SourceLine> lines, List<int[]> found) {
        int from = 0;
        int to = lines.size();
        for (int[] f : found) {
            if (f[0] < 5) {
                from = Math.max(from, f[1]);
            } else if (f[0] == 6) {
                to = Math.min(to, f[1] - 1);
            }
        }
        for (int n = from + 1; n <= to; n++) {
            String c = lines.get(n - 1).compact();
            if (c.length() > 16 || !PROBLEMS_PART.matcher(c).matches()) {
                continue;
            }
            for (int m = n + 1; m <= to; m++) {
                String d = lines.get(m - 1).compact();
                if (d.length() <= 16 && MEASURES_PART.matcher(d).matches()) {
                    return n;
                }
            }
            return 0;
        }
        return 0;
    }

    /** False for a line that holds the words of none of the titles: no heading, passed over without the expressions. */
    static boolean mayNameASection(String line) {
        for (RequiredText words : TITLE_WORDS) {
            if (words.mayMatch(line)) {
                return true;
            }
        }
        return false;
    }

    /** A heading is short: its title carries no sentence of its own (「总体情况」, not 「……总体情况良好，……」). */
    private static boolean plausibleTitle(int number, String title) {
        if (title.contains(",") || title.contains("。")) {
            return false;
        }
        // table 3's own row 「三、本年度办理结果」 and narrative lines must not pass for section 三
        return number != 1 || title.length() <= 12;
    }
}
