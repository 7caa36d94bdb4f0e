package org.nianbao.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.PageDates;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.Report;
import org.nianbao.report.Section;
import org.nianbao.report.StatisticalPeriod;

/**
 * Reads what the report says about itself: title, agency, year, its organ's kind (and so its level), its dates and
 * statistical period. The agency comes from the first place that names it in full — the title, a sentence naming the
 * author (「由××编制」「现公布××2023年…报告」), the contact sentence (「请与××联系」), the page's metadata, the
 * signature — and never from a pronoun, an abbreviation, the issuer of a notice the text cites, or a name made up
 * from a place (an area run by a management committee has no 人民政府): then it is {@code null}, with a note.
 */
final class MetadataReader {

    private static final String CJK = "[\\u4e00-\\u9fa5]";
    /** What a title is about: 「政府信息公开工作年度报告」「政务公开工作年报」「信息公开年度工作报告」. */
    private static final String TOPIC = "(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)";
    private static final Pattern TITLE_AGENCY_FIRST = Pattern.compile(
            "(" + CJK + "[\\u4e00-\\u9fa5()（）]{1,40}?)(?:关于)?((?:19|20)\\d{2})年?度?" + TOPIC);
    /** The most characters of {@link #TITLE_AGENCY_FIRST} before its year: the organ's 40, then 关于. */
    private static final int AGENCY_AND_GUANYU = 42;
    private static final Pattern YEAR_THEN_TITLE = Pattern.compile("(?:19|20)\\d{2}年?度?" + TOPIC);
    /** 「重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告」: the year inside the topic. */
    private static final Pattern TITLE_YEAR_INSIDE = Pattern.compile(
            "^(" + CJK + "[\\u4e00-\\u9fa5()（）]{1,40}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?((?:19|20)\\d{2})年度?(?:工作)?(?:报告|年报)$");
    /** Acts written before a report's name in a sentence that names it: 「梳理编制××2023年…报告」. */
    private static final Pattern ACTS = Pattern.compile("编制|公布|发布|印发|梳理|包括|制定");
    private static final Pattern TITLE_YEAR_FIRST = Pattern.compile(
            "((?:19|20)\\d{2})年度?(" + CJK + "[\\u4e00-\\u9fa5()（）]{1,30}?)(?<!政府|政务)" + TOPIC);
    /** A title without a year: 「驼峰路街道办事处政府信息公开工作年度报告」. */
    private static final Pattern TITLE_WITHOUT_YEAR = Pattern.compile(
            "^(?:标题[:|]*)?\\|?(" + CJK + "[\\u4e00-\\u9fa5()（）]{2,40}?)(?:关于)?" + TOPIC + "\\|?$");
    /** What follows a report's name when the line cites it rather than being its title: a notice about it. */
    private static final Pattern CITED = Pattern.compile("^(?:编制|发布|编发|公布工作|工作的通知|的通知|有关事项|制度|格式|》)");
    /** A place's name: its people's government is the author of a report titled by the place alone. */
    private static final Pattern PLACE_ENDING = Pattern.compile("(?:省|市|区|县|自治区|自治州|州|盟|旗)$");
    /** 「全文包括安康市应急管理局本年度政府信息公开工作的…」: an organ's name right before the year and 政府信息公开. */
    private static final Pattern AGENCY_BEFORE_YEAR = Pattern.compile(
            "(" + CJK + "{3,40}?(?:局|委员会|委|办公室|办公厅|厅|人民政府|中心|管委会|管理委员会|街道办事处|部|署))"
            + "(?:本年度|(?:19|20)\\d{2}年度?)政府信息公开");
    private static final Pattern FUNCTION_WORDS = Pattern.compile(".*(?:包括|现将|公布|关于|根据|是|为|对|将|由|了)");
    /** The author named in a sentence: 「由××编制」「由××(以下简称…)根据…编制」「本报告由××负责编写」. */
    private static final Pattern COMPILED_BY = Pattern.compile(
            "由(" + CJK + "[\\u4e00-\\u9fa5()（）]{1,45}?)(?:[(（]以下简称[^)）]{0,30}[)）])?"
            + "(?:根据|按照|依据|依照|结合|负责|编制|编写|汇总|综合|完成|牵头|组织)");
    /** 「特编制××2023年…报告」「现公布××2023年…报告」「现将《××2023年…报告》」「编制××2023年…报告」. */
    private static final Pattern PUBLISHES = Pattern.compile(
            "(?:特编制|现编制|编制了?|现公布|特向社会公布|向社会公布|现发布|现将|制定|印发)《?(" + CJK
            + "[\\u4e00-\\u9fa5()（）]{1,40}?)(?:(?:19|20)\\d{2}|本)年度?(?:政府信息公开|政务公开|信息公开)");
    /** 「××结合本单位…编制本报告」「××根据《…》等规定编制本报告」, the organ opening the clause. */
    private static final Pattern COMPILES_THIS = Pattern.compile(
            "(?:^|[,，;；:：。、》])(" + CJK + "[\\u4e00-\\u9fa5()（）]{2,45}?)(?:结合|根据|按照|依据)[^。]{0,120}?编制(?:了)?本(?:年度)?报告");
    /** 「南京市鼓楼区人民政府华侨路街道办事处编制2021年政府信息公开年度报告」: the organ then 编制 and the year. */
    private static final Pattern COMPILES_YEAR = Pattern.compile(
            "(?:^|[,，;；:：。、》])(" + CJK + "[\\u4e00-\\u9fa5()（）]{2,45}?)(?:编制|编写)(?:了|完成)?(?:本|(?:19|20)\\d{2}年度?)");
    /** The organ doing what part 一 reports: 「2022年，广东从化经济开发区管理委员会认真贯彻执行…」「北京市东城区人民政府…街道办事处通过…」. */
    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:(?:19|20)\\d{2}年度?(?:以来)?[,，]?)?(?:在[^,，。]{2,20}[,，])?(" + CJK + "[\\u4e00-\\u9fa5()（）]{2,45}?)"
            + "(?:认真|坚持|深入|严格|全面|积极|紧紧|始终|通过|围绕|持续|不断|高度重视|按照|以习近平)");
    /** The contact sentence: 「如对本报告有疑问，请与××联系」「请于××联系」「可与××联系」「请联系：××」「請聯絡」. */
    private static final Pattern CONTACT = Pattern.compile(
            "(?:请与|请于|可与|直接与|请联系|请联络|可联系)[:：]?(" + CJK + "[\\u4e00-\\u9fa5()（）]{1,50}?)"
            + "(?:联系|联络|[(（]|[,，;；。:：]|$)");
    private static final Pattern CONTACT_WORDS = Pattern.compile("疑问|异议|意见|建议");
    /** A contact line without a verb: 「浑江区卫生健康局办公室，联系方式：电话…」. */
    private static final Pattern CONTACT_LINE = Pattern.compile(
            "^(" + CJK + "{4,40}?)[,，]联系(?:方式|电话)");
    private static final Pattern TOWNSHIP_SELF = Pattern.compile("(?:我|本|全)(?:乡|镇)(?![长党])");
    private static final Pattern STREET_SELF = Pattern.compile("(?:我|本|全)(?:街道|街办)");
    private static final Pattern AGENCY_NAME = Pattern.compile(
            CJK + "{2,30}(?:局|委员会|委|办公室|办公厅|办|厅|政府|院|中心|所|处|会|署|部|队|街道办事处|管委会)");
    /** The publishing organ a page's metadata names: 「发布机构 市政府办」「| 发文机构: | … |」「来源:定西市应急管理局」. */
    private static final Pattern PAGE_AGENCY = Pattern.compile(
            "(?:发布机构|发文机关|发文机构|来源单位|信息来源|来源|作者|发布单位)[:|]{0,3}(" + CJK + "{3,30}?)"
            + "(?=\\||$|发布|发文|生成|索引|公开|字号|浏览|点击|作者|时间|日期|访问|阅读|分享|打印|来源|编辑|审核)");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(" + CJK + "{2,40}?)?((?:19|20)\\d{2}|[〇零一二三四五六七八九○O]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日$");
    private static final Pattern ISO_DATE_LINE = Pattern.compile("^((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})$");
    /** The year the body states as its own, strongest first: up to its end, then the organ's own year. */
    private static final List<Pattern> BODY_YEARS = List.of(
            Pattern.compile("截[止至]到?((?:19|20)\\d{2})年(?:12月31日|12月底|底|末)"),
            Pattern.compile("^((?:19|20)\\d{2})年度?[,，]?(?:我|本)(?:局|委|办|镇|乡|街道|街办|区|县|市|单位|机关|中心|院|部|厅|署)"),
            Pattern.compile("(?:我|本)(?:局|委|办|镇|乡|街道|街办|单位|机关)((?:19|20)\\d{2})年"),
            Pattern.compile("^((?:19|20)\\d{2})年(?:以来|度)?[,，]?(?:[\\u4e00-\\u9fa5]{0,10}?(?:街道|街办|镇|乡|局|委|办|区|县|市|中心)|"
                    + "[\\u4e00-\\u9fa5]{2,12}(?:认真|深入|积极|坚持|严格|全面|紧紧|按照|围绕|以))"));
    /** The preamble naming the report it introduces: 「现公布××2022年政府信息公开工作年度报告」. */
    private static final Pattern PREAMBLE_YEAR = Pattern.compile(
            "(?:公布|编制|发布|现将|印发)[^。]{0,45}?((?:19|20)\\d{2})年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)");
    /** A year the text writes about the future or the past rather than its own: 「2021年，我局将…」. */
    private static final Pattern NOT_THE_REPORT_YEAR = Pattern.compile("^(?:(?:19|20)\\d{2})年[^。]{0,12}(?:将|计划|拟)");
    /**
     * The units inside an organ that a contact or an author sentence names, never organs themselves, longest first.
     * One beginning with 政府 (「龙岗区政府信息公开办公室」) is the people's government's of the place before it.
     */
    private static final List<String> INTERNAL_UNITS = List.of("政府信息公开工作领导小组办公室", "政府信息公开领导小组办公室",
            "信息公开工作领导小组办公室", "信息公开领导小组办公室", "政务公开领导小组办公室", "政府信息公开办公室", "政务信息公开办公室",
            "政府信息公开中心", "综合信息指挥室", "新闻信息办公室", "党政综合办公室", "政务公开办公室", "党政办公室", "综合办公室",
            "政务公开办", "政务公开处", "政务公开科", "综合科", "综合股", "信息室", "综合处", "党政办");
    /** Contact points that are not the organ: a service centre, a joint meeting's office. */
    private static final Pattern NOT_AN_AUTHOR = Pattern.compile("(?:政务|党群|便民|为民)服务中心$|联席会议|领导小组");

    private MetadataReader() {
    }

    record Metadata(Report report, StatisticalPeriod period, List<ExtractionNote> notes) {
    }

    static Metadata read(List<SourceLine> lines, List<Section> sections, OrganCatalog organs) {
        int firstSection = sections.isEmpty() ? Math.min(lines.size(), 30) : sections.get(0).line() - 1;
        List<ExtractionNote> notes = new ArrayList<>();
        Names names = new Names(organs, notes);
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
                if (!candidate.contains("公开") || !(candidate.contains("报告") || candidate.contains("年报"))) {
                    continue;
                }
                Matcher m = TITLE_AGENCY_FIRST.matcher(candidate);
                Matcher y = TITLE_YEAR_FIRST.matcher(candidate);
                // a title with its organ first has 「2023年（度）政府信息公开」 in one piece: without it, no such title;
                // with it, the organ's name (at most 40 characters, then 关于) ends where the first such year begins,
                // so the title is looked for from there back, not from every character of a long line before it
                Matcher yearTitle = YEAR_THEN_TITLE.matcher(candidate);
                if (yearTitle.find() && m.region(Math.max(0, yearTitle.start() - AGENCY_AND_GUANYU), candidate.length()).find()) {
                    if (cited(candidate, m.start(), m.end()) || sentence(candidate, m.start())) {
                        continue; // 「根据《××关于做好2023年政府信息公开工作年度报告编制工作的通知》」 names a notice
                    }
                    // 「平阳县2023年政府信息公开工作年度报告」: a place's own report is its people's government's
                    agency = names.ofTitle(cleanAgency(m.group(1)), lines.get(i).number());
                    titleRunOn = m.start(1) > 0 && isCjk(candidate.charAt(m.start(1) - 1));
                    titleYear = Integer.valueOf(m.group(2));
                    titleLine = lines.get(i).number();
                } else if (y.find() && !cited(candidate, y.start(), y.end()) && !sentence(candidate, y.start())) {
                    titleYear = Integer.valueOf(y.group(1));
                    agency = names.ofTitle(cleanAgency(y.group(2)), lines.get(i).number());
                    titleLine = lines.get(i).number();
                }
            }
        }
        if (agency == null && titleYear == null) {
            // 「…外事办公室」 over 「政府信息公开工作2022年度报告」: the year inside the topic, the title on one or two lines
            for (int i = 0; i < titleScan && i < lines.size() && titleYear == null; i++) {
                String one = lines.get(i).compact();
                String two = i + 1 < lines.size() ? one + lines.get(i + 1).compact() : one;
                for (String candidate : List.of(one, two)) {
                    Matcher m = TITLE_YEAR_INSIDE.matcher(candidate);
                    if (titleYear == null && m.find()) {
                        titleYear = Integer.valueOf(m.group(2));
                        titleLine = lines.get(i).number();
                        agency = names.ofTitle(cleanAgency(m.group(1)), lines.get(i).number());
                    }
                }
            }
        }
        if (agency == null && titleYear == null) {
            for (int i = 0; i < titleScan && i < lines.size() && agency == null; i++) {
                Matcher m = TITLE_WITHOUT_YEAR.matcher(lines.get(i).compact());
                if (m.find()) {
                    agency = names.ofTitle(cleanAgency(m.group(1)), lines.get(i).number());
                    if (agency != null) {
                        titleLine = lines.get(i).number();
                    }
                }
            }
        }

        StatisticalPeriod period = StatisticalPeriods.read(lines, sections);

        // dates: the page's 发布时间, and the date under the report
        LocalDate pageDate = pageDate(lines, sections, firstSection);
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
        int bodyEnd = sections.stream().filter(s -> s.number() == 2).findFirst().map(Section::line)
                .orElse(Math.min(lines.size(), firstSection + 40));
        if (agency == null) {
            agency = authorSentence(lines, bodyEnd, names);
        }
        if (agency == null) {
            agency = contact(lines, names);
        }
        if (agency == null) {
            agency = agencyBeforeYear(lines, firstSection, names);
        }
        if (agency == null) {
            agency = pageAgency(lines, firstSection, names);
        }
        if (agency == null && signer != null && AGENCY_NAME.matcher(signer).matches()) {
            agency = names.accept(signer);
        }

        Integer year = titleYear;
        if (year == null && period != null) {
            year = period.year();
        }
        if (year == null) {
            year = bodyYear(lines, sections, firstSection);
        }
        OrganCatalog.Kind kind = organs.classify(agency);
        if (agency == null) {
            kind = speaksAs(lines, organs);
        } else {
            notes.clear(); // a place the title could not make an organ of, named in full elsewhere
        }
        Report report = new Report(agency, year, null, kind == null ? null : kind.level(), kind == null ? null : kind.kind(),
                null, "none", signedOn, signedLine, titleYear, titleLine, null);
        if (pageDate != null) {
            report = report.withPublication(pageDate, "page");
        } else if (signedOn != null) {
            report = report.withPublication(signedOn, "signature");
        }
        return new Metadata(report, period, notes);
    }

    /** The report's name stands in a sentence (「梳理编制湛江海关关区2023年…报告。」), not as a title. */
    private static boolean sentence(String line, int start) {
        String before = line.substring(0, start);
        String opening = line.substring(start, Math.min(line.length(), start + 6));
        return line.endsWith("。") || line.endsWith("；") || line.endsWith(";")
                || before.indexOf('，') >= 0 || before.indexOf(',') >= 0 || before.indexOf('。') >= 0
                || ACTS.matcher(opening).find();
    }

    /** The line cites a report (a notice about it, a rule on it) rather than being its title. */
    private static boolean cited(String line, int start, int end) {
        String before = line.substring(0, start);
        return before.lastIndexOf('《') > before.lastIndexOf('》') || CITED.matcher(line.substring(end)).find()
                || before.endsWith("关于做好") || before.endsWith("关于");
    }

    /**
     * The page's date, from its head (before the report's first part) or, failing that, from the lines after the
     * report before the page's footer: never a related link's.
     */
    private static LocalDate pageDate(List<SourceLine> lines, List<Section> sections, int firstSection) {
        int reportEnd = sections.isEmpty() ? lines.size() : sections.get(sections.size() - 1).line();
        List<String> text = new ArrayList<>(lines.size());
        List<String> compact = new ArrayList<>(lines.size());
        for (SourceLine line : lines) {
            text.add(line.text());
            compact.add(line.compact());
        }
        return PageDates.in(text, compact, firstSection, reportEnd);
    }

    /**
     * The year the text states as its own before section 五 (whose plans name the next year): 「截至2023年12月31日」,
     * 「2020年度我街办…」「我局2022年…」, a paragraph opening with the year (「2025年中仓街道积极推动…」); the strongest
     * kind of statement first.
     */
    private static Integer bodyYear(List<SourceLine> lines, List<Section> sections, int firstSection) {
        int end = sections.stream().filter(s -> s.number() >= 2).findFirst().map(s -> s.line() - 1)
                .orElse(Math.min(lines.size(), Math.max(firstSection, 0) + 40));
        for (int i = 0; i < Math.min(firstSection, lines.size()); i++) {
            Matcher m = PREAMBLE_YEAR.matcher(lines.get(i).compact());
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        for (Pattern p : BODY_YEARS) {
            for (int i = 0; i < Math.min(end, lines.size()); i++) {
                String c = lines.get(i).compact();
                if (c.indexOf('年') < 0 || NOT_THE_REPORT_YEAR.matcher(c).find()) {
                    continue;
                }
                Matcher m = p.matcher(c);
                if (m.find()) {
                    return Integer.valueOf(m.group(1));
                }
            }
        }
        return null;
    }

    private static String agencyBeforeYear(List<SourceLine> lines, int firstSection, Names names) {
        for (int i = 0; i < Math.min(firstSection, lines.size()); i++) {
            Matcher m = AGENCY_BEFORE_YEAR.matcher(lines.get(i).compact());
            while (m.find()) {
                String name = m.group(1);
                Matcher f = FUNCTION_WORDS.matcher(name);
                if (f.lookingAt()) {
                    name = name.substring(f.end());
                }
                String accepted = AGENCY_NAME.matcher(name).matches() ? names.accept(name) : null;
                if (accepted != null) {
                    return accepted;
                }
            }
        }
        return null;
    }

    /** A sentence that names the author: 「由××编制」「特编制××2023年…」「××结合…编制本报告」, in the preamble and part 一. */
    private static String authorSentence(List<SourceLine> lines, int end, Names names) {
        int count = Math.min(end, lines.size());
        // 「本报告由石景山区司法\n局编制」: a name broken over two lines is read with the next two (each line's joined
        // text, and whether it holds a verb of compiling or publishing, worked out once for the five sentences)
        String[] joined = new String[count];
        boolean[] verb = new boolean[count];
        for (int i = 0; i < count; i++) {
            joined[i] = lines.get(i).compact() + (i + 1 < lines.size() ? lines.get(i + 1).compact() : "")
                    + (i + 2 < lines.size() ? lines.get(i + 2).compact() : "");
            verb[i] = joined[i].contains("编") || joined[i].contains("公布") || joined[i].contains("发布")
                    || joined[i].contains("现将") || joined[i].contains("制定") || joined[i].contains("印发");
        }
        for (Pattern p : List.of(COMPILED_BY, PUBLISHES, COMPILES_THIS, COMPILES_YEAR, SUBJECT)) {
            for (int i = 0; i < count; i++) {
                if (p != SUBJECT && !verb[i] || !mayMatch(p, joined[i])) {
                    continue;
                }
                String c = lines.get(i).compact();
                Matcher m = p.matcher(joined[i]);
                // the subject sentence is anchored at the line's start: its one match, if any, is there
                boolean found = p == SUBJECT ? m.lookingAt() : m.find();
                while (found) {
                    if (m.start(1) >= c.length()) {
                        break;
                    }
                    // 「编制大理白族自治州2023年…报告」: a place's report is its people's government's, as in a title
                    String accepted = p == PUBLISHES ? names.ofTitle(cleanAgency(m.group(1)), lines.get(i).number())
                            : names.accept(m.group(1));
                    if (accepted != null) {
                        return accepted;
                    }
                    found = p != SUBJECT && m.find();
                }
            }
        }
        return null;
    }

    /**
     * False when {@code text} lacks words every match of the author sentence {@code p} holds (由; 编制 or 编写; 编制
     * and 报告): most lines, which the expressions would otherwise try at every position.
     */
    private static boolean mayMatch(Pattern p, String text) {
        if (p == COMPILED_BY) {
            return text.indexOf('由') >= 0;
        }
        if (p == COMPILES_THIS) {
            return text.contains("编制") && text.contains("报告");
        }
        if (p == COMPILES_YEAR) {
            return text.contains("编制") || text.contains("编写");
        }
        return true;
    }

    /** The organ the contact sentence names, less the office or section inside it that answers. */
    private static String contact(List<SourceLine> lines, Names names) {
        for (SourceLine line : lines) {
            String c = line.compact();
            if (c.contains("联系") || c.contains("联络")) {
                Matcher verbless = CONTACT_LINE.matcher(c);
                if (verbless.find() && !NOT_AN_AUTHOR.matcher(names.withoutUnits(verbless.group(1))).find()) {
                    String accepted = names.accept(verbless.group(1));
                    if (accepted != null) {
                        return accepted;
                    }
                }
                if (!CONTACT_WORDS.matcher(c).find()) {
                    continue;
                }
                Matcher m = CONTACT.matcher(c);
                while (m.find()) {
                    String name = m.group(1);
                    if (NOT_AN_AUTHOR.matcher(names.withoutUnits(name)).find()) {
                        continue;
                    }
                    String accepted = names.accept(name);
                    if (accepted != null) {
                        return accepted;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The kind of an organ that names itself only as 「我乡」「本镇」 (a township's government) or 「本街道」「我街办」 (a
     * street office); {@code null} when the text does neither.
     */
    private static OrganCatalog.Kind speaksAs(List<SourceLine> lines, OrganCatalog organs) {
        for (SourceLine line : lines) {
            if (TOWNSHIP_SELF.matcher(line.compact()).find()) {
                return organs.kind("township_government");
            }
            if (STREET_SELF.matcher(line.compact()).find()) {
                return organs.kind("street_office");
            }
        }
        return null;
    }

    /** The organ named in the page's metadata (before the first part), when it is a full name. */
    private static String pageAgency(List<SourceLine> lines, int firstSection, Names names) {
        for (int i = 0; i < Math.min(firstSection, lines.size()); i++) {
            Matcher m = PAGE_AGENCY.matcher(lines.get(i).compact());
            while (m.find()) {
                String accepted = AGENCY_NAME.matcher(m.group(1)).matches() ? names.accept(m.group(1)) : null;
                if (accepted != null) {
                    return accepted;
                }
            }
        }
        return null;
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

    /**
     * What counts as an organ's full name, with the organ table: a name the table knows however short (「教育部」),
     * else four characters or more that do not begin as a pronoun or an abbreviation does (「我局」「本机关」
     * 「市应急管理局」「区政府国资局」), of a kind the table recognises.
     */
    private static final class Names {

        private final OrganCatalog organs;
        private final List<ExtractionNote> notes;

        Names(OrganCatalog organs, List<ExtractionNote> notes) {
            this.organs = organs;
            this.notes = notes;
        }

        /**
         * The organ a title names: a place's people's government for a place alone (「平阳县」), the committee the
         * table knows for an area it runs, and nobody — with a note — for an area without a people's government.
         */
        String ofTitle(String name, int line) {
            if (name == null || name.isEmpty()) {
                return null;
            }
            String n = name.strip();
            if (organs.isAreaWithoutGovernment(n) && organs.classify(n) == null) {
                if (organs.knows(n + "管委会")) {
                    return n + "管委会";
                }
                notes.add(new ExtractionNote(null, line, "标题只写了地名「%s」：这一区域可能由管委会管理，没有「%s人民政府」，"
                        .formatted(n, n) + "未据此推断发布机关（可在提交时注明机关名称或层级）"));
                return null;
            }
            if (PLACE_ENDING.matcher(n).find() && organs.classify(n) == null) {
                n = n + "人民政府";
            }
            return accept(n);
        }

        /** The name when it names an organ in full (internal units taken off, a bare 乡镇 or 街道 completed). */
        String accept(String raw) {
            if (raw == null) {
                return null;
            }
            String n = complete(withoutUnits(raw.strip()));
            if (n.startsWith("我") || n.startsWith("本") || n.startsWith("该") || n.startsWith("市") || n.startsWith("县")
                    || n.startsWith("区") || n.startsWith("省") || n.startsWith("局") || n.startsWith("镇") || n.startsWith("乡")) {
                return null;
            }
            if (n.length() < 4 && !organs.knows(n)) {
                return null;
            }
            return organs.classify(n) != null ? n : null;
        }

        /** A township or a street named by its place alone: 「湖镇镇」 is 湖镇镇人民政府, 「香蜜湖街道」 its 街道办事处. */
        private static String complete(String name) {
            if (name.length() >= 3 && (name.endsWith("乡") || name.endsWith("镇"))) {
                return name + "人民政府";
            }
            if (name.length() >= 4 && name.endsWith("街道")) {
                return name + "办事处";
            }
            return name;
        }

        /**
         * The organ without the unit inside it that a sentence names (「舒兰市市场监督管理局办公室」 is 舒兰市市场监督管理局),
         * but a 人民政府办公室 is an organ itself (a township's is its government); a ministry's department or division
         * (「商务部信息化司综合处」) is the ministry.
         */
        String withoutUnits(String raw) {
            String n = raw;
            for (OrganCatalog.Kind kind : organs.kinds()) {
                for (String known : kind.names()) {
                    if (n.length() > known.length() && n.startsWith(known)
                            && n.substring(known.length()).matches("[^省市县区州盟旗乡镇]*(?:司|处|室|厅|办|科|中心)")) {
                        return known;
                    }
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String unit : INTERNAL_UNITS) {
                    if (n.endsWith(unit) && n.length() > unit.length() + 1) {
                        n = n.substring(0, n.length() - unit.length());
                        if (n.endsWith("人民")) {
                            n = n + "政府"; // 「南平市人民政府信息公开工作领导小组办公室」: the government's
                        }
                        if (unit.startsWith("政府") && PLACE_ENDING.matcher(n).find() && organs.classify(n) == null) {
                            n = n + "人民政府";
                        }
                        changed = true;
                        break;
                    }
                }
            }
            // a plain office: 「舒兰市市场监督管理局办公室」 answers for the bureau, a township government's office for the
            // township; but 「向阳区人民政府办公室」「大足区人民政府外事办公室」 are organs of their own
            for (String office : List.of("办公室", "办公厅")) {
                if (n.endsWith(office) && n.length() > office.length() + 1) {
                    String rest = n.substring(0, n.length() - office.length());
                    OrganCatalog.Kind kind = organs.classify(complete(rest));
                    boolean government = rest.endsWith("政府") && kind != null && !"township".equals(kind.level());
                    if (kind != null && !government) {
                        return rest;
                    }
                }
            }
            return n;
        }
    }
}
