package org.nianbao.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.Report;
import org.nianbao.report.Section;
import org.nianbao.report.StatisticalPeriod;

/** Reads what the report says about itself: title, agency, year, level, its dates and statistical period. */
final class MetadataReader {

    private static final String CJK = "[\\u4e00-\\u9fa5]";
    private static final Pattern TITLE_AGENCY_FIRST = Pattern.compile(
            "(" + CJK + "{2,40}?)(?:关于)?((?:19|20)\\d{2})年度?政府信息公开(?:工作)?(?:年度)?报告");
    /** The most characters of {@link #TITLE_AGENCY_FIRST} before its year: the organ's 40, then 关于. */
    private static final int AGENCY_AND_GUANYU = 42;
    /** A place's name: its people's government is the author of a report titled by the place alone. */
    private static final Pattern PLACE_ENDING = Pattern.compile("(?:省|市|区|县|自治区|自治州|州|盟|旗)$");
    private static final Pattern YEAR_THEN_TITLE = Pattern.compile("(?:19|20)\\d{2}年度?政府信息公开");
    private static final Pattern TITLE_YEAR_FIRST = Pattern.compile(
            "((?:19|20)\\d{2})年度?(" + CJK + "{2,30}?)政府信息公开(?:工作)?(?:年度)?报告");
    private static final Pattern AGENCY_IN_PREAMBLE = Pattern.compile(
            "由(" + CJK + "{2,30}?)(?:编制|完成|发布|负责)(?:本|了本)?(?:年度)?报告");
    /** 「全文包括安康市应急管理局本年度政府信息公开工作的…」: an organ's name right before the year and 政府信息公开. */
    private static final Pattern AGENCY_BEFORE_YEAR = Pattern.compile(
            "(" + CJK + "{3,40}?(?:局|委员会|委|办公室|办公厅|厅|人民政府|中心|管委会|管理委员会|街道办事处))"
            + "(?:本年度|(?:19|20)\\d{2}年度?)政府信息公开");
    private static final Pattern FUNCTION_WORDS = Pattern.compile(".*(?:包括|现将|公布|关于|根据|是|为|对|将|由|了)");
    private static final Pattern TOWNSHIP_SELF = Pattern.compile("(?:我|本|全)(?:乡|镇|街道)(?![长党])");
    private static final Pattern AGENCY_NAME = Pattern.compile(
            CJK + "{2,30}(?:局|委员会|委|办公室|办公厅|办|厅|政府|院|中心|所|处|会|署|部|队|街道办事处|管委会)");
    /** The page's own date: 「发布时间:」「发布日期」「生成日期/有效期: | 2022-01-29」 and the like, label then date. */
    private static final Pattern PAGE_DATE = Pattern.compile(
            "(?:发布时间|发布日期|发稿时间|公开日期|发布于|生成日期|信息来源.{0,20}?时间)(?:/有效期)?[:|]{0,3}"
            + "((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final RequiredText PAGE_DATE_WORDS = RequiredText.of(PAGE_DATE);
    /** The publishing organ a page's metadata names: 「发布机构 市政府办」「| 发文机构: | … |」「来源:定西市应急管理局」. */
    private static final Pattern PAGE_AGENCY = Pattern.compile(
            "(?:发布机构|发文机关|发文机构|来源单位|信息来源|来源)[:|]{0,3}(" + CJK + "{3,30}?)"
            + "(?=\\||$|发布|发文|生成|索引|公开|字号|浏览|点击|作者|时间|日期|访问|阅读|分享|打印)");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(" + CJK + "{2,40}?)?((?:19|20)\\d{2}|[〇零一二三四五六七八九○O]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日$");
    private static final Pattern ISO_DATE_LINE = Pattern.compile("^((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})$");
    private static final Pattern YEAR_OPENING = Pattern.compile("^((?:19|20)\\d{2})年");

    private MetadataReader() {
    }

    record Metadata(Report report, StatisticalPeriod period) {
    }

    static Metadata read(List<SourceLine> lines, List<Section> sections) {
        int firstSection = sections.isEmpty() ? Math.min(lines.size(), 30) : sections.get(0).line() - 1;
        String agency = null;
        Integer titleYear = null;
        Integer titleLine = null;
        // the organ-first title's name begins in the middle of a run of characters (no separator before it, as after
        // 「标题:」 or 「|」): page text may have run into it
        boolean titleRunOn = false;
        // the title: a line of its own, else two lines joined (a title broken over two lines)
        int titleScan = Math.max(firstSection, Math.min(lines.size(), 8));
        for (int span = 1; span <= 2 && titleYear == null; span++) {
            for (int i = 0; i + span <= titleScan && i + span <= lines.size() && titleYear == null; i++) {
                String candidate = span == 1 ? lines.get(i).compact() : lines.get(i).compact() + lines.get(i + 1).compact();
                if (!candidate.contains("政府信息公开") || !candidate.contains("报告")) {
                    continue;
                }
                Matcher m = TITLE_AGENCY_FIRST.matcher(candidate);
                Matcher y = TITLE_YEAR_FIRST.matcher(candidate);
                // a title with its organ first has 「2023年（度）政府信息公开」 in one piece: without it, no such title;
                // with it, the organ's name (at most 40 characters, then 关于) ends where the first such year begins,
                // so the title is looked for from there back, not from every character of a long line before it
                Matcher yearTitle = YEAR_THEN_TITLE.matcher(candidate);
                if (yearTitle.find() && m.region(Math.max(0, yearTitle.start() - AGENCY_AND_GUANYU), candidate.length()).find()) {
                    // 「平阳县2023年政府信息公开工作年度报告」: a place's own report is its people's government's
                    agency = governmentOfPlace(cleanAgency(m.group(1)));
                    titleRunOn = m.start(1) > 0 && isCjk(candidate.charAt(m.start(1) - 1));
                    titleYear = Integer.valueOf(m.group(2));
                    titleLine = lines.get(i).number();
                } else if (y.find()) {
                    titleYear = Integer.valueOf(y.group(1));
                    agency = governmentOfPlace(cleanAgency(y.group(2)));
                    titleLine = lines.get(i).number();
                }
            }
        }
        if (agency == null) {
            for (int i = 0; i < firstSection && agency == null; i++) {
                if (lines.get(i).compact().indexOf('由') < 0) {
                    continue;
                }
                Matcher m = AGENCY_IN_PREAMBLE.matcher(lines.get(i).compact());
                if (m.find()) {
                    agency = cleanAgency(m.group(1));
                }
            }
        }

        StatisticalPeriod period = StatisticalPeriods.read(lines, sections);

        // dates: the page's 发布时间, and the date under the report
        LocalDate pageDate = null;
        for (SourceLine line : lines) {
            if (!PAGE_DATE_WORDS.mayMatch(line.compact())) {
                continue;
            }
            Matcher m = PAGE_DATE.matcher(line.compact());
            if (m.find()) {
                pageDate = Dates.of(m.group(1), m.group(2), m.group(3));
                if (pageDate != null) {
                    break;
                }
            }
        }
        Section six = sections.stream().filter(s -> s.number() == 6).findFirst().orElse(null);
        Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
        int signatureFrom = six != null ? six.line() : last != null ? last.line() : Math.max(0, lines.size() - 15);
        LocalDate signedOn = null;
        Integer signedLine = null;
        String signer = null;
        for (int i = signatureFrom; i < lines.size(); i++) {
            String compact = lines.get(i).compact();
            LocalDate date = null;
            String who = null;
            // a line that is a date ends with 日 (「2024年1月20日」) or is a date in figures alone (「2024-01-20」)
            Matcher m = compact.endsWith("日") ? DATE_LINE.matcher(compact) : null;
            if (m != null && m.matches()) {
                date = Dates.of(m.group(2), m.group(3), m.group(4));
                who = m.group(1);
            } else if (compact.length() >= 8 && compact.length() <= 10) {
                Matcher iso = ISO_DATE_LINE.matcher(compact);
                if (iso.matches()) {
                    date = Dates.of(iso.group(1), iso.group(2), iso.group(3));
                }
            }
            if (date != null) {
                signedOn = date;
                signedLine = lines.get(i).number();
                signer = who != null ? who : previousNonBlank(lines, i);
            }
        }
        if (titleRunOn && agency != null && signer != null && agency.length() > signer.length()
                && agency.endsWith(signer) && AGENCY_NAME.matcher(signer).matches()) {
            // 「…建议提案办理结果忻州市应急管理局2023年…」 with 忻州市应急管理局 under the report: the words in front are the page's
            agency = signer;
        }
        if (agency != null && !isName(agency)) {
            agency = null; // 「2023年度市应急管理局政府信息公开工作报告」: an abbreviation; look further
        }
        if (agency == null) {
            agency = agencyBeforeYear(lines, firstSection);
        }
        if (agency == null) {
            agency = pageAgency(lines, firstSection);
        }
        if (agency == null && signer != null && AGENCY_NAME.matcher(signer).matches()) {
            agency = signer;
        }
        if (agency != null && !isName(agency)) {
            agency = null; // 「我局」「本机关」: a pronoun names no one
        }

        Integer year = titleYear;
        if (year == null && period != null) {
            year = period.year();
        }
        if (year == null) {
            year = openingYear(lines, sections);
        }
        String level = agency == null && speaksAsTownship(lines) ? Report.TOWNSHIP : Levels.of(agency);
        Report report = new Report(agency, year, null, level, null, "none", signedOn, signedLine,
                titleYear, titleLine, null);
        if (pageDate != null) {
            report = report.withPublication(pageDate, "page");
        } else if (signedOn != null) {
            report = report.withPublication(signedOn, "signature");
        }
        return new Metadata(report, period);
    }

    /** 「2023年，我局…」: the year the first paragraph of section 一 opens with. */
    private static Integer openingYear(List<SourceLine> lines, List<Section> sections) {
        Section one = sections.stream().filter(s -> s.number() == 1).findFirst().orElse(null);
        if (one == null) {
            return null;
        }
        for (int n = one.line() + 1; n <= one.endLine(); n++) {
            Matcher m = YEAR_OPENING.matcher(lines.get(n - 1).compact());
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    private static String agencyBeforeYear(List<SourceLine> lines, int firstSection) {
        for (int i = 0; i < Math.min(firstSection, lines.size()); i++) {
            Matcher m = AGENCY_BEFORE_YEAR.matcher(lines.get(i).compact());
            while (m.find()) {
                String name = m.group(1);
                Matcher f = FUNCTION_WORDS.matcher(name);
                if (f.lookingAt()) {
                    name = name.substring(f.end());
                }
                if (isName(name) && AGENCY_NAME.matcher(name).matches()) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The report speaks of 「我镇」「本街道」: a township's, even when its name is nowhere in the text. */
    private static boolean speaksAsTownship(List<SourceLine> lines) {
        return lines.stream().anyMatch(line -> TOWNSHIP_SELF.matcher(line.compact()).find());
    }

    /** The organ named in the page's metadata (before the first part), when it is a full name. */
    private static String pageAgency(List<SourceLine> lines, int firstSection) {
        for (int i = 0; i < Math.min(firstSection, lines.size()); i++) {
            Matcher m = PAGE_AGENCY.matcher(lines.get(i).compact());
            if (m.find() && AGENCY_NAME.matcher(m.group(1)).matches() && isName(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    /** A name, not a pronoun or an abbreviation: 「我局」「本单位」「该局」「市政府办」 name no one in particular. */
    private static boolean isName(String agency) {
        return agency.length() >= 4 && !agency.startsWith("我") && !agency.startsWith("本") && !agency.startsWith("该")
                && !agency.startsWith("市") && !agency.startsWith("县") && !agency.startsWith("区");
    }

    private static String previousNonBlank(List<SourceLine> lines, int index) {
        for (int i = index - 1; i >= 0 && i >= index - 3; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).compact();
            }
        }
        return null;
    }

    private static String cleanAgency(String name) {
        String n = name;
        // a breadcrumb or a column name run into the title: 「…政府信息公开年报定西市应急管理局」
        for (String marker : List.of("年报", "年度报告", "工作报告", "正文")) {
            int at = n.lastIndexOf(marker);
            if (at >= 0 && n.length() - at - marker.length() >= 3) {
                n = n.substring(at + marker.length());
            }
        }
        // the name printed twice, once as a heading and once in the title: 「忻州市应急管理局忻州市应急管理局」
        if (n.length() % 2 == 0 && n.length() >= 6 && n.substring(0, n.length() / 2).equals(n.substring(n.length() / 2))) {
            n = n.substring(n.length() / 2);
        }
        for (String prefix : List.of("现公布", "现将", "关于", "公布")) {
            if (n.startsWith(prefix) && n.length() > prefix.length() + 1) {
                n = n.substring(prefix.length());
            }
        }
        if (n.endsWith("关于")) {
            n = n.substring(0, n.length() - 2);
        }
        return n;
    }

    private static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fa5'; // the range of CJK
    }

    /** 「2022年上海市政府信息公开工作年度报告」 is the report of 上海市人民政府. */
    private static String governmentOfPlace(String name) {
        if (PLACE_ENDING.matcher(name).find()) {
            return name + "人民政府";
        }
        return name;
    }
}
