package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.Measure;
import org.nianbao.report.NarrativeClaim;
import org.nianbao.report.NarrativeUnsure;
import org.nianbao.report.Ordinals;
import org.nianbao.report.Problem;
import org.nianbao.report.Section;
import org.nianbao.report.Statement;
import org.nianbao.report.SubPart;
import org.nianbao.report.YearMention;

/**
 * Reads the narrative: the sub-parts of section 一, the statements the rules look for, section 五's
 * problems and measures, the numbers the text states, and the years it speaks of.
 */
final class NarrativeReader {

    private static final Pattern SUB_PART = Pattern.compile("^\\(([一二三四五六七八九十]{1,2}|\\d{1,2})\\)(.*)$");
    private record Topic(String name, Pattern pattern) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("依申请公开", Pattern.compile("依申请公开")),
            new Topic("主动公开", Pattern.compile("主动公开")),
            new Topic("政府信息管理", Pattern.compile("信息管理|信息资源管理|信息资源")),
            new Topic("平台建设", Pattern.compile("平台")),
            new Topic("监督保障", Pattern.compile("监督|保障")));
    private static final Pattern TITLE_END = Pattern.compile("[。:;]");
    private static final Pattern SENTENCE_END = Pattern.compile("[。;]");
    private static final Pattern NOT_OWN_YEAR = Pattern.compile("问题|整改|结转|以前|以来|年底|年末|上年|去年|同比|相比");
    private static final Pattern NOTHING = Pattern.compile("^(无|暂无|没有).{0,10}$");

    // section 五
    private static final Pattern MEASURE_HEADING = Pattern.compile(
            "^(?:\\(?[一二三四五六1-6]\\)?[、.]?)?[^,。:]{0,10}(改进|整改|举措|措施|打算|下一步|下步|努力方向|工作计划|工作思路|工作安排)");
    private static final Pattern PROBLEM_HEADING = Pattern.compile(
            "^(?:\\(?[一二三四五六1-6]\\)?[、.]?)?[^,。:]{0,6}(存在的?(主要)?问题|存在的?不足|主要问题)");
    private static final Pattern MEASURE_OPENING = Pattern.compile(
            "^(下一步|下步|(针对|对)(上述|以上|存在的?|这些)?(问题|不足)|今后|为此|((19|20)\\d{2}年(度)?|下一?年度?|明年)[,]?(我|本)?[\\u4e00-\\u9fa5]{0,6}(将|要)"
            + "|改进(措施|举措|情况)|我(局|们|单位|委|办|中心)将|为[^。]{0,24}?,(我|本)[\\u4e00-\\u9fa5]{0,6}(将|要)"
            + "|(我|本)[^。]{0,12}?将(进一步|继续|持续|着力|重点|加大|全面|不断))");
    /**
     * Where the measures begin inside one running paragraph: a sentence that opens with 「针对上述问题」「下一步」
     * 「今后」「为此」「2024年，我局将」「我局将」.
     */
    private static final Pattern MEASURE_PIVOT = Pattern.compile(
            "(?<=^|[。;!])(针对(上述|以上|存在的?|这些)(问题|不足)|下一步|下步|接下来|今后|为此[,]"
            + "|(19|20)\\d{2}年度?[,]?(我|本)[\\u4e00-\\u9fa5]{0,6}将|我(局|们|单位|委|办|中心|镇|乡|街道|县|区|市)将)");
    /** 「…存在不足，如A有待完善；B仍需加强；C不够充分等。」: the problems listed after 「如」. */
    private static final Pattern LISTED_AFTER_RU = Pattern.compile("(?:如|比如|例如|主要(?:表现|体现)(?:为|在))[:,]?");
    private static final Pattern PROBLEM_WORDS = Pattern.compile(
            "不足|问题|有待|不够|欠缺|薄弱|差距|不高|不强|不到位|滞后|单一|不及时|不完善|不规范|需要?进一步|还需|仍需|尚需|较少|不充分|短板|缺乏|不全面|不丰富|不深入|不精准|不准确|不稳定|不严|未严格|未及时|未落实|待加强|待提高|待提升");
    private static final Openings PROBLEM_OPENINGS = Openings.of(PROBLEM_WORDS);
    /** An item that opens with what is to be done (「加强学习」「完善制度」) and names no problem is a measure. */
    private static final Pattern MEASURE_VERB = Pattern.compile(
            "(?:进一步|持续|继续|切实|不断|着力)?(?:加强|提高|提升|完善|规范|强化|推进|健全|落实|加大|丰富|拓宽|优化|建立|做好|抓好|严格|深化|扩大|创新)");

    // numbers stated in the text
    /** @param required what every match contains: lines without it are not searched */
    private record ClaimPattern(String subject, Pattern pattern, boolean zero, RequiredText required, Openings openings) {
        ClaimPattern(String subject, Pattern pattern, boolean zero) {
            this(subject, pattern, zero, RequiredText.of(pattern), Openings.of(pattern));
        }
    }

    /** What the numbers the text claims are about ({@code NarrativeClaim.subject}). */
    public static List<String> claimSubjects() {
        return CLAIMS.stream().map(ClaimPattern::subject).filter(c -> !c.equals(REVIEWS_AND_LAWSUITS)).distinct().toList();
    }

    /** The expressions searched with their {@link Openings} (for tests of the search). */
    static List<Pattern> openedPatterns() {
        List<Pattern> patterns = new ArrayList<>(CLAIMS.stream().map(ClaimPattern::pattern).toList());
        patterns.addAll(List.of(PROBLEM_WORDS, OWN_YEAR, NOT_OWN_YEAR, MEASURE_WORDS));
        return patterns;
    }

    /** What part 五 may leave unclear ({@code NarrativeUnsure.kind}). */
    public static final List<String> UNSURE_KINDS = List.of("problems", "measures");

    /** A count: figures, or one Chinese numeral (「收到政府信息公开申请一件」). */
    private static final String N = "(\\d+|[一二两三四五六七八九十])";
    private static final String RECEIVED = "(?:收到|受理|接收|接到|新收|核收)";

    /** The subject of a claim that 复议 and 诉讼 were none (「未发生行政复议和行政诉讼」): two claims, both 0. */
    private static final String REVIEWS_AND_LAWSUITS = "reviews_and_lawsuits";

    private static final List<ClaimPattern> CLAIMS = List.of(
            new ClaimPattern("applications_received", Pattern.compile(
                    RECEIVED + "了?[^,。;:]{0,24}?(?:申请|公开件|申请件)[^,。;:\\d一二两三四五六七八九十]{0,8}?" + N + "(?:件|份|条|个|宗)"), false),
            new ClaimPattern("applications_received", Pattern.compile(
                    RECEIVED + "了?[^,。;:\\d]{0,6}?" + N + "(?:件|份|个|宗)[^,。;]{0,14}?(?:申请|公开件)"), false),
            new ClaimPattern("applications_received", Pattern.compile(
                    "(?:未|没有|不曾)" + RECEIVED + "(?:到|过)?[^,。;]{0,24}?(?:申请|要求公开)|(?:无|没有)(?:收到)?依申请公开(?:政府信息)?的?(?:事项|申请)"), true),
            new ClaimPattern("applications_handled", Pattern.compile(
                    "(\\d+)件(?:已|均已)?(?:办结|答复|办理完毕)"), false),
            new ClaimPattern("applications_handled", Pattern.compile(
                    "(?:办结|(?<!予以公开|部分公开|不予公开)答复)[^,。;\\d]{0,8}?(\\d+)件"), false),
            new ClaimPattern("applications_not_processed", Pattern.compile(
                    "(\\d+)件[^,。;\\d]{0,10}?不予处理|不予处理(?:的)?(\\d+)件"), false),
            new ClaimPattern("applications_carried_over", Pattern.compile(
                    "(\\d+)件(?:为|系)?上年(?:度)?结转|上年(?:度)?结转[^,。;\\d]{0,12}?(\\d+)件"), false),
            // 「未发生行政复议和行政诉讼」「无涉及政府信息公开申请的行政复议、行政诉讼」: neither; 「无行政复议、行政诉讼纠错案件」
            // says only that none was corrected
            new ClaimPattern(REVIEWS_AND_LAWSUITS, Pattern.compile(
                    "(?:未|没有|无|不存在)[^,。;]{0,30}?(?:行政)?复议(?:案件)?(?:和|及|与|、|或|以及)(?:提起)?(?:行政)?诉讼"
                    + "(?![^,。;]{0,6}?(?:纠错|纠正|败诉|撤销))"), true),
            // 「因政府信息公开申请行政复议、提起行政诉讼0件」: the two together none
            new ClaimPattern(REVIEWS_AND_LAWSUITS, Pattern.compile(
                    "(?:行政)?复议(?:和|及|与|、|或)(?:提起)?(?:行政)?诉讼(?:案件)?(?:数量)?(?:均为|各|均|共|为)?0(?:件|起|宗)"), true),
            new ClaimPattern("reviews", Pattern.compile(
                    "行政复议(?:案件|申请)?[^,。;\\d]{0,4}?(\\d+)(?:件|起|宗)"), false),
            new ClaimPattern("reviews", Pattern.compile(
                    "未(?:发生|收到|有|出现)[^,。;]{0,20}?(?:行政)?复议"), true),
            new ClaimPattern("lawsuits", Pattern.compile(
                    "行政诉讼(?:案件)?[^,。;\\d]{0,4}?(\\d+)(?:件|起|宗)"), false),
            new ClaimPattern("lawsuits", Pattern.compile(
                    "未(?:发生|收到|有|出现)[^,。;]{0,20}?诉讼"), true),
            new ClaimPattern("normative_documents_issued", Pattern.compile(
                    "(?:制发|印发|出台|制定)了?(?:行政)?规范性文件(\\d+)件"), false),
            new ClaimPattern("normative_documents_issued", Pattern.compile(
                    "(?:未|没有)(?:制发|印发|出台|制定)[^,。;]{0,8}?(?:行政)?规范性文件"), true));

    private static final Pattern OWN_YEAR = Pattern.compile(
            "(?:本|我)(?:局|单位|机关|部门|委|办|厅|市|区|县|镇|乡|街道|中心)((?:19|20)\\d{2})年度?");
    private static final RequiredText OWN_YEAR_WORDS = RequiredText.of(OWN_YEAR);
    private static final Openings OWN_YEAR_OPENINGS = Openings.of(OWN_YEAR);
    private static final Openings NOT_OWN_YEAR_OPENINGS = Openings.of(NOT_OWN_YEAR);
    private static final Pattern YEAR_OPENING = Pattern.compile("^((?:19|20)\\d{2})年度?[,]");

    private NarrativeReader() {
    }

    static List<SubPart> subParts(List<SourceLine> lines, Section one) {
        List<SubPart> parts = new ArrayList<>();
        if (one == null) {
            return parts;
        }
        for (int n = one.line() + 1; n <= one.endLine(); n++) {
            String compact = lines.get(n - 1).compact();
            Matcher m = SUB_PART.matcher(compact);
            if (!m.matches()) {
                continue;
            }
            String printed = m.group(1);
            String title = title(m.group(2));
            String style = Character.isDigit(printed.charAt(0)) ? "arabic" : "chinese";
            parts.add(new SubPart(1, printed, Ordinals.value(printed), style, title, topic(title), n));
        }
        // the aspects written otherwise: 「1.主动公开」「一)主动公开」 headings, or 「主动公开方面：」 paragraphs. Only for an aspect
        // the (一)…(五) headings left out; numbered so throughout, their numbering is compared as theirs, else not at all
        java.util.Set<String> covered = new java.util.HashSet<>();
        parts.forEach(p -> covered.add(p.topic()));
        boolean bracketed = !parts.isEmpty();
        for (int n = one.line() + 1; n <= one.endLine(); n++) {
            String compact = lines.get(n - 1).compact();
            Matcher numbered = OTHER_NUMBERED_PART.matcher(compact);
            Matcher aspect = ASPECT_PARAGRAPH.matcher(compact);
            SubPart part = null;
            if (numbered.matches()) {
                String printed = numbered.group(1);
                String title = title(numbered.group(2));
                String style = bracketed ? null : Character.isDigit(printed.charAt(0)) ? "arabic" : "chinese";
                part = new SubPart(1, printed, Ordinals.value(printed), style, title, topic(title), n);
            } else if (aspect.lookingAt()) {
                String title = aspect.group(1);
                part = new SubPart(1, "", 0, null, title, topic(title), n);
            }
            if (part != null && part.topic() != null && covered.add(part.topic())) {
                parts.add(part);
            }
        }
        parts.sort(java.util.Comparator.comparingInt(SubPart::line));
        return parts;
    }

    /** 「1.主动公开」「1、依申请公开。……」「一)政府信息管理」: a sub-part numbered without brackets, its title short. */
    private static final Pattern OTHER_NUMBERED_PART = Pattern.compile("^([一二三四五六七八九十]|\\d{1,2})[.、)]([^。:;]{2,16}(?:[。:;].*)?)$");
    /** 「主动公开方面：」「在依申请公开方面，」: a paragraph that names its aspect. */
    private static final Pattern ASPECT_PARAGRAPH = Pattern.compile(
            "^(?:\\d{1,2}[.、])?(?:在|关于)?((?:政府信息)?(?:主动公开|依申请公开|政府信息管理|信息管理|政府信息公开平台建设|平台建设|监督保障)(?:工作)?)方面[:,。]?");

    private static String title(String rest) {
        String title = TITLE_END.split(rest, 2)[0];
        return title.length() > 30 ? title.substring(0, 30) : title;
    }

    private static String topic(String title) {
        for (Topic t : TOPICS) {
            if (t.pattern().matcher(title).find()) {
                return t.name();
            }
        }
        return null;
    }

    static List<Statement> statements(List<SourceLine> lines, List<Section> sections, StatementCatalog catalog) {
        List<Statement> found = new ArrayList<>();
        java.util.Set<String> kindsHere = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int section = sectionOf(sections, line.number());
            if (section >= 2 && section <= 4) {
                continue; // the tables: statements stand in the narrative
            }
            String compact = line.compact();
            // a sentence broken over two lines (a PDF's or a narrow page's line ends): a match that begins on this line
            // may end on the next; one that begins on the next is found there
            String text = compact;
            String next = continuation(lines, i, section, sections);
            if (next != null) {
                text = compact + next;
            }
            boolean heading = headingOnly(compact);
            kindsHere.clear();
            for (StatementCatalog.Entry entry : catalog.entries()) {
                if (kindsHere.contains(entry.kind())
                        || !entry.sections().isEmpty() && !entry.sections().contains(section)
                        || Statement.UNSURE.equals(entry.reading()) && heading
                        || !entry.required().mayMatch(text)) {
                    continue;
                }
                Matcher m = entry.pattern().matcher(text);
                if (entry.openings().find(m, text, 0) && m.start() < compact.length()) {
                    // several wordings of one kind, each with its reading: the first that matches the line gives it
                    kindsHere.add(entry.kind());
                    found.add(new Statement(entry.kind(), section, line.number(), excerpt(text, m.start(), m.end()),
                            entry.reading()));
                }
            }
        }
        return found;
    }

    /** The marks a sentence, or its clause before a list, ends with. */
    private static final String SENTENCE_ENDS = "。;:!?！？；：";

    /** A line that ends in the middle of a sentence: it ends with none of 。；：！？ (a compact line holds no white space). */
    private static boolean endsOpen(String compact) {
        return !compact.isEmpty() && SENTENCE_ENDS.indexOf(compact.charAt(compact.length() - 1)) < 0;
    }

    /**
     * The next line's text when this one stops in the middle of a sentence and the next goes on with it (it is in
     * the same section and is no heading of its own); {@code null} otherwise.
     */
    private static String continuation(List<SourceLine> lines, int i, int section, List<Section> sections) {
        String compact = lines.get(i).compact();
        if (!endsOpen(compact) || headingOnly(compact)) {
            return null;
        }
        for (int j = i + 1; j < lines.size() && j <= i + 2; j++) {
            SourceLine next = lines.get(j);
            if (next.isBlank()) {
                continue;
            }
            String c = next.compact();
            if (sectionOf(sections, next.number()) != section || Enumerators.startsItem(c) || c.contains("|")) {
                return null;
            }
            return c;
        }
        return null;
    }

    /**
     * A heading and nothing else (「(三)收费及减免情况」「四、政府信息公开的收费及减免情况」): short, numbered or without a
     * full stop, with no clause of its own. A heading says what its part is about, not what happened: words that only may be a statement are not
     * looked for in it.
     */
    static boolean headingOnly(String compact) {
        // a short sentence of its own (「本年度严格执行《…办法》。」) is no heading: a heading is numbered or has no full stop
        if (compact.length() > 30 || compact.endsWith("。") && !Enumerators.startsItem(compact)) {
            return false;
        }
        String body = compact.replaceFirst("[。.:]$", "");
        for (int i = 0; i < body.length(); i++) {
            if ("。,;:!?、".indexOf(body.charAt(i)) >= 0 && !(body.charAt(i) == '、' && i <= 3)) {
                return false;
            }
        }
        return true;
    }

    /** Section 五 split into problems and improvement measures. */
    record SectionFive(List<Problem> problems, List<Measure> measures, List<NarrativeUnsure> unsure) {
    }

    /**
     * Words that speak of what the organ will do (「下一步」「我局将」「将继续」): section 五 that has them states
     * measures in some form. 「有待进一步加强」 is a problem, not a measure, and does not count.
     */
    private static final Pattern MEASURE_WORDS = Pattern.compile(
            "下一步|下步|今后|(?:我|本)[\\u4e00-\\u9fa5]{0,4}将|将(?:进一步|继续|持续|着力|重点|加大|全面|不断)|计划(?:在|于|从)");
    private static final Openings MEASURE_OPENINGS = Openings.of(MEASURE_WORDS);

    static SectionFive sectionFive(List<SourceLine> lines, Section five) {
        List<Problem> problems = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        if (five == null) {
            return new SectionFive(problems, measures, List.of());
        }
        boolean measuresPart = false;
        for (int n = five.line() + 1; n <= five.endLine(); n++) {
            String text = lines.get(n - 1).compact();
            if (text.isEmpty()) {
                continue;
            }
            String body = text;
            Matcher heading = MEASURE_HEADING.matcher(text);
            Matcher problemHeading = PROBLEM_HEADING.matcher(text);
            if (heading.find() && headingLength(text) <= 24 && text.substring(0, headingLength(text)).indexOf(',') < 0) {
                measuresPart = true;
                body = afterHeading(text);
            } else if (problemHeading.find() && headingLength(text) <= 24 && text.startsWith("(")) {
                measuresPart = false;
                body = afterHeading(text);
            } else if (MEASURE_OPENING.matcher(text).find()) {
                measuresPart = true;
            } else if (!measuresPart) {
                Matcher pivot = MEASURE_PIVOT.matcher(text);
                if (pivot.find() && pivot.start() > 0) {
                    // 「……仍存在不足：……。针对以上问题，计划整改措施如下。」: problems, then measures
                    addItems(text.substring(0, pivot.start()), n, false, problems, measures);
                    body = text.substring(pivot.start());
                    measuresPart = true;
                }
            }
            addItems(body, n, measuresPart, problems, measures);
        }
        List<NarrativeUnsure> unsure = new ArrayList<>();
        for (int n = five.line() + 1; n <= five.endLine(); n++) {
            String text = lines.get(n - 1).compact();
            if (problems.isEmpty() && unsure.stream().noneMatch(u -> u.kind().equals("problems"))
                    && PROBLEM_OPENINGS.in(text) && !NOTHING.matcher(text).matches()) {
                unsure.add(new NarrativeUnsure("problems", 5, n, excerpt(text, 0, Math.min(text.length(), 40))));
            }
            Matcher future = MEASURE_WORDS.matcher(text);
            if (measures.isEmpty() && unsure.stream().noneMatch(u -> u.kind().equals("measures"))
                    && MEASURE_OPENINGS.find(future, text, 0)) {
                unsure.add(new NarrativeUnsure("measures", 5, n, excerpt(text, future.start(), future.end())));
            }
        }
        return new SectionFive(problems, measures, unsure);
    }

    private static void addItems(String body, int n, boolean measuresPart, List<Problem> problems, List<Measure> measures) {
            for (String item : items(body)) {
                if (measuresPart) {
                    if (item.length() >= 6) {
                        measures.add(new Measure(n, item));
                    }
                } else if (PROBLEM_OPENINGS.in(item) && !NOTHING.matcher(item).matches()) {
                    problems.add(new Problem(n, item));
                } else if (item.length() >= 6 && MEASURE_VERB.matcher(item).lookingAt()) {
                    // 「1、加强学习。不断提高……」 under 「存在的主要问题及下步打算」: what the organ will do, with no problem in it
                    measures.add(new Measure(n, item));
                }
            }
    }

    /** The items of a paragraph: 「一是…二是…」 or 「1.… 2.…」; the whole paragraph when it enumerates nothing. */
    private static List<String> items(String paragraph) {
        List<String> items = new ArrayList<>();
        List<Integer> starts = Enumerators.ends(paragraph);
        if (starts.size() < 2) {
            String item = starts.size() == 1 && starts.get(0) <= 3 ? paragraph.substring(starts.get(0)) : paragraph;
            Matcher listed = LISTED_AFTER_RU.matcher(item);
            if (listed.find() && item.indexOf(';', listed.end()) > 0) {
                // 「如A；B；C等」: each clause is an item
                for (String clause : item.substring(listed.end()).split(";")) {
                    String c = clause.replaceAll("等?[。]?$", "").strip();
                    if (!c.isEmpty()) {
                        items.add(c);
                    }
                }
                return items;
            }
            if (!item.isBlank()) {
                items.add(item);
            }
            return items;
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 2 : paragraph.length();
            String item = paragraph.substring(starts.get(i), Math.max(starts.get(i), end)).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    private static int headingLength(String text) {
        int cut = indexOfAny(text, ":", "。");
        return cut < 0 ? text.length() : cut;
    }

    private static String afterHeading(String text) {
        int cut = indexOfAny(text, ":", "。");
        return cut < 0 ? "" : text.substring(cut + 1);
    }

    private static int indexOfAny(String text, String... marks) {
        int best = -1;
        for (String mark : marks) {
            int i = text.indexOf(mark);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    static List<NarrativeClaim> claims(List<SourceLine> lines, List<Section> sections) {
        List<NarrativeClaim> claims = new ArrayList<>();
        for (SourceLine line : lines) {
            int section = sectionOf(sections, line.number());
            String compact = line.compact();
            if (line.isBlank() || section >= 2 && section <= 4 && !prose(compact)) {
                continue; // the tables' own labels are not claims; a paragraph written in a table's part is
            }
            if (compact.indexOf('件') < 0 && compact.indexOf('份') < 0 && compact.indexOf('未') < 0
                    && compact.indexOf('起') < 0 && compact.indexOf('宗') < 0 && compact.indexOf('个') < 0
                    && compact.indexOf('条') < 0 && compact.indexOf('无') < 0 && compact.indexOf('没') < 0) {
                continue; // every claim counts in 件/份/起/宗/个/条 or says 未/无/没有…
            }
            List<int[]> taken = new ArrayList<>();
            for (ClaimPattern claim : CLAIMS) {
                if (!claim.required().mayMatch(compact)) {
                    continue;
                }
                Matcher m = claim.pattern().matcher(compact);
                for (int from = 0; claim.openings().find(m, compact, from); from = Openings.after(m)) {
                    int start = m.start();
                    if (taken.stream().anyMatch(r -> start < r[1] && m.end() > r[0])) {
                        continue;
                    }
                    if (!about(claim, compact, start, m.end(), section)) {
                        continue;
                    }
                    double value = 0;
                    if (!claim.zero()) {
                        String digits = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
                        if (digits == null) {
                            continue;
                        }
                        value = count(digits);
                    }
                    taken.add(new int[] {start, m.end()});
                    String excerpt = excerpt(compact, start, m.end());
                    if (claim.subject().equals(REVIEWS_AND_LAWSUITS)) {
                        claims.add(new NarrativeClaim("reviews", 0, section, line.number(), excerpt));
                        claims.add(new NarrativeClaim("lawsuits", 0, section, line.number(), excerpt));
                    } else {
                        claims.add(new NarrativeClaim(claim.subject(), value, section, line.number(), excerpt));
                    }
                }
            }
        }
        return claims;
    }

    /** A count as written: figures, or a Chinese numeral one to ten (两 for 二). */
    private static double count(String digits) {
        if (Character.isDigit(digits.charAt(0))) {
            return Double.parseDouble(digits);
        }
        return digits.equals("两") ? 2 : Ordinals.value(digits);
    }

    /**
     * A paragraph, not a table's row: it has a sentence's punctuation (「。」, or a comma in a longer line) and no
     * cell separator. Composite reports and old outlines write parts 三 and 四 as paragraphs
     * (「2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。」).
     */
    private static boolean prose(String compact) {
        return compact.indexOf('|') < 0 && (compact.indexOf('。') >= 0 || compact.length() >= 15 && compact.indexOf(',') >= 0);
    }

    /** A sentence about government information disclosure: its applications, or its 复议 and 诉讼. */
    private static final Pattern DISCLOSURE = Pattern.compile(
            "政府信息公开|信息公开申请|依申请公开|依申请|公开申请|申请公开|申请件|公开件|要求公开|信息公开类|信息公开(?:行政)?(?:复议|诉讼)");
    /** A clause about another year: 「较上年收到申请29件」 is last year's count or a difference, not this year's. */
    private static final Pattern OTHER_YEAR = Pattern.compile("较上年|比上年|同比|较去年|比去年|去年|上一年度?|上年度|前年");
    /** 「未收到涉及政府信息公开申请的行政复议」: the 复议, not the applications, is what was not received. */
    private static final Pattern FOLLOWED_BY_REVIEW = Pattern.compile("^[^,。;]{0,8}?(?:复议|诉讼)");
    /** 「其中申请人自行撤销2件，答复处理24件」: the answered are fewer than all handled; the number is not compared. */
    private static final Pattern WITHDRAWN = Pattern.compile("撤销申请|申请撤销|自行撤销|主动撤销|撤回|撤件");

    /**
     * Whether a number the text states is the claim its pattern takes it for: its sentence is about government
     * information disclosure (not 行政许可申请, 网民留言 or a 司法局's own 行政复议 cases) and its clause about this year.
     */
    private static boolean about(ClaimPattern claim, String text, int start, int end, int section) {
        String sentence = around(text, start, end, "。；;！!？?");
        boolean applications = claim.subject().startsWith("applications_");
        // 「收到因政府信息公开申请引起的行政复议1件」: a count of 复议, not of applications
        if (applications && (text.substring(start, end).contains("复议") || text.substring(start, end).contains("诉讼"))) {
            return false;
        }
        if (claim.subject().equals("applications_handled") && WITHDRAWN.matcher(sentence).find()) {
            return false;
        }
        // 「其中县政府本级收到…15件」 against the county's total: a part of the total, not the report's own number
        if (PART_OF_TOTAL.matcher(around(text, start, end, "。；;！!？?，,")).lookingAt()) {
            return false;
        }
        if (claim.subject().equals("normative_documents_issued")) {
            return !OTHER_YEAR.matcher(around(text, start, end, "。；;！!？?，,")).find();
        }
        // a 司法局's own 行政复议 cases, 「均不涉及政府信息公开」: not cases about disclosure
        if (NOT_DISCLOSURE.matcher(sentence).find()) {
            return false;
        }
        // in part 四 (复议 and 诉讼 about disclosure) a paragraph's 复议 and 诉讼 are those of disclosure
        boolean partFour = section == 4 && !applications;
        if (!partFour && !DISCLOSURE.matcher(sentence).find()
                && !(REFERS_BACK.matcher(sentence).find() && DISCLOSURE.matcher(previousSentence(text, start)).find())) {
            return false;
        }
        if (applications && sentence.contains("行政许可")
                && !sentence.contains("政府信息公开") && !sentence.contains("依申请")) {
            return false;
        }
        if (claim.zero() && claim.subject().equals("applications_received")
                && FOLLOWED_BY_REVIEW.matcher(text.substring(end)).find()) {
            return false;
        }
        // 「收到公开申请1466件(上年度结转16件…」: what the brackets after the number add is not the number's year
        String stops = "。；;！!？?，,";
        int a = start;
        while (a > 0 && stops.indexOf(text.charAt(a - 1)) < 0) {
            a--;
        }
        int b = end;
        while (b < text.length() && stops.indexOf(text.charAt(b)) < 0 && text.charAt(b) != '(') {
            b++;
        }
        String clause = text.substring(a, b);
        return claim.subject().equals("applications_carried_over") || !OTHER_YEAR.matcher(clause).find();
    }

    /** A clause that opens with 其中 and names a part of the whole (本级, an office, the departments, the townships). */
    private static final Pattern PART_OF_TOTAL = Pattern.compile(
            "其中[^\\d]{0,12}?(?:本级|本机关|本部门|本单位|[省市县区州旗]政府|[省市县区州旗]人民政府|政府办公室|政府办|办公室|办公厅|各部门|部门|乡镇|镇街|街道|镇|乡)");
    /** 「均不涉及政府信息公开」「与政府信息公开无关」: a sentence that says its numbers are not about disclosure. */
    private static final Pattern NOT_DISCLOSURE = Pattern.compile(
            "(?:不涉及|未涉及|均不属于|不属于|非)政府信息公开|与政府信息公开无关");

    /** 「其中281件已办结」: a sentence that goes on about what the one before counted. */
    private static final Pattern REFERS_BACK = Pattern.compile("^(?:其中|其余|上述|以上|这些|前述|全部|均)");

    private static String previousSentence(String text, int start) {
        int a = start;
        while (a > 0 && "。；;！!？?".indexOf(text.charAt(a - 1)) < 0) {
            a--;
        }
        return a == 0 ? "" : around(text, a - 1, a - 1, "。；;！!？?");
    }

    /** The stretch of text around start..end bounded by any of the stop characters. */
    private static String around(String text, int start, int end, String stops) {
        int a = start;
        while (a > 0 && stops.indexOf(text.charAt(a - 1)) < 0) {
            a--;
        }
        int b = end;
        while (b < text.length() && stops.indexOf(text.charAt(b)) < 0) {
            b++;
        }
        return text.substring(a, b);
    }

    static List<YearMention> yearMentions(List<SourceLine> lines, List<Section> sections) {
        List<YearMention> mentions = new ArrayList<>();
        Section one = sections.stream().filter(s -> s.number() == 1).findFirst().orElse(null);
        if (one != null) {
            for (int n = one.line() + 1; n <= one.endLine(); n++) {
                String compact = lines.get(n - 1).compact();
                if (compact.isEmpty()) {
                    continue;
                }
                Matcher m = YEAR_OPENING.matcher(compact);
                if (m.find()) {
                    mentions.add(new YearMention(Integer.parseInt(m.group(1)), n, excerpt(compact, 0, m.end())));
                }
                break; // only the opening of the first paragraph
            }
        }
        for (SourceLine line : lines) {
            String compact = line.compact();
            int section = sectionOf(sections, line.number());
            // OWN_YEAR_WORDS: 本 or 我, an organ's word, 19 or 20, 年 — a line without them names no year of its own
            if (section >= 2 && section <= 4 || !OWN_YEAR_WORDS.mayMatch(compact)) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(compact)) {
                if (!OWN_YEAR_WORDS.mayMatch(sentence)) {
                    continue;
                }
                Matcher m = OWN_YEAR.matcher(sentence);
                // a sentence about another year's matters (问题, 整改, 上年…) names no year of the report's own
                if (!OWN_YEAR_OPENINGS.find(m, sentence, 0)
                        || NOT_OWN_YEAR_OPENINGS.in(sentence)) {
                    continue;
                }
                do {
                    mentions.add(new YearMention(Integer.parseInt(m.group(1)), line.number(),
                            excerpt(sentence, m.start(), m.end())));
                } while (OWN_YEAR_OPENINGS.find(m, sentence, Openings.after(m)));
            }
        }
        return mentions;
    }

    static int sectionOf(List<Section> sections, int line) {
        int current = 0;
        for (int i = 0; i < sections.size(); i++) { // by index: asked for every line of a report
            Section s = sections.get(i);
            if (s.line() <= line && line <= s.endLine()) {
                current = s.number();
            }
        }
        return current;
    }

    static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 10);
        int to = Math.min(text.length(), Math.max(end, start + 40) + 10);
        return text.substring(from, Math.min(to, from + 80));
    }
}
