package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.reading.RejectedInput;
import org.nianbao.reading.SourceLine;
import org.nianbao.reading.SourceText;
import org.nianbao.report.CutOff;
import org.nianbao.report.ExpectedRow;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.Report;
import org.nianbao.report.ReportFacts;
import org.nianbao.report.Section;
import org.nianbao.report.TableCell;

/**
 * Turns a report's text into facts: metadata, sections, sub-parts, statements, table cells under their
 * canonical keys, section 五's problems and measures, and the numbers the narrative states.
 *
 * <p>A report that stops early (a draft, a page cut off, a file cut in the middle of a character) is still a
 * report: what is there is read, and where it stops is kept as a {@link CutOff}, so that the rows after that
 * point are not blamed on the agency one by one. Only a text with no sign of being an annual report is refused.
 */
public final class ReportExtractor {

    /** A sentence, a clause or a quotation is closed: the text does not stop in the middle of it. */
    private static final Pattern CLOSED = Pattern.compile(".*[。！？；!?;…”」』）)\\]】:：]$");
    private static final Pattern DATE_OR_NAME = Pattern.compile(
            ".*(?:\\d{1,2}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|[局委办厅府院心署])$");

    /** 「政府信息公开工作年度报告」「政府信息公开年报」「编制本报告」: a text that names itself an annual report. */
    private static final Pattern SELF_NAMING = Pattern.compile(
            "政府信息公开(?:工作)?(?:年度)?(?:报告|年报)|(?:编制|形成|完成|公布)本(?:年度)?报告|本报告");
    /** What follows 「年度报告」 in the name of a document about reports: a rule, a format, a notice. */
    private static final Pattern NOT_THE_REPORT = Pattern.compile("制度|格式|编制(?:发布)?工作|的通知|有关事项|工作的通知");

    private final StatementCatalog statements;
    private final OrganCatalog organs;
    private final LabelCatalog labels;

    public ReportExtractor(StatementCatalog statements, OrganCatalog organs) {
        this(statements, organs, LabelCatalog.standard());
    }

    /** An extractor for the statements, the organ table and the table labels of a ruleset. */
    public ReportExtractor(StatementCatalog statements, OrganCatalog organs, LabelCatalog labels) {
        this.statements = statements;
        this.organs = organs;
        this.labels = labels;
    }

    public ReportFacts extract(SourceText text) {
        NotAReport.check(text);
        text = TraditionalText.simplified(text);
        text = RunTogetherText.restore(text, labels);
        var lines = text.lines();
        SectionFinder.Found found = SectionFinder.findAll(text);
        List<Section> sections = found.sections();
        TableReader.Tables tables = TableReader.read(lines, sections, labels);
        MetadataReader.Metadata meta = MetadataReader.read(lines, sections, organs);

        if (!looksLikeAnnualReport(lines, sections, tables, meta)) {
            throw RejectedInput.notAReport(sections.isEmpty()
                    ? "未找到「一、总体情况」等六个部分的标题，也没有统计表格或「政府信息公开工作年度报告」字样"
                    : "只找到 %d 个部分标题，且没有统计表格或「政府信息公开工作年度报告」字样".formatted(sections.size()));
        }

        String format = TableFormat.of(lines, sections, tables);
        Report report = meta.report();
        if (report.year() != null && report.year() <= 2018 && format == null) {
            throw RejectedInput.notAReport(("这是%d年度的报告：2018年及以前的年度报告按原《政府信息公开条例》（2008年）编写，"
                    + "没有现行格式（国办公开办函〔2019〕60号、〔2021〕30号）的统计表，不在本评分办法的范围内").formatted(report.year()));
        }
        boolean format2019 = "2019".equals(format);

        boolean due2021 = report.year() != null ? report.year() >= 2021 : !format2019;
        boolean otherAsOneRow = tables.cells().stream().anyMatch(c -> c.table().equals("3") && c.row().equals("other"))
                && tables.cells().stream().noneMatch(c -> c.table().equals("3") && c.row().startsWith("other_"));
        List<ExpectedRow> expectedRows = TableLayout.expectedRows(due2021, otherAsOneRow);
        List<TableCell> cells = withoutCutNumber(tables.cells(), text);

        List<ExtractionNote> notes = new ArrayList<>(tables.notes());
        notes.addAll(meta.notes());
        int lastLine = lastNonBlank(lines);
        for (String note : text.notes()) {
            notes.add(new ExtractionNote(null, lastLine, note));
        }
        if (found.partFiveByItsParts() > 0) {
            notes.add(new ExtractionNote(null, found.partFiveByItsParts(), "未找到第五部分「存在的主要问题及改进情况」的标题，"
                    + "按第" + found.partFiveByItsParts() + "行起的「存在的主要问题」「改进情况」两个小标题读作第五部分"));
        }
        CutOff cutOff = cutOff(lines, sections, cells, expectedRows, lastLine, text.cutInCharacter());
        String completeness = cutOff != null ? Report.CUT_OFF
                : sections.size() == 6 ? Report.FULL : Report.DRAFT;
        report = report.withFormatAndCompleteness(format, completeness);

        Section five = sections.stream().filter(s -> s.number() == 5).findFirst().orElse(null);
        Section one = sections.stream().filter(s -> s.number() == 1).findFirst().orElse(null);
        NarrativeReader.SectionFive parts = NarrativeReader.sectionFive(lines, five);

        return new ReportFacts(report, sections, NarrativeReader.subParts(lines, one),
                NarrativeReader.statements(lines, sections, statements), meta.period(), cells, expectedRows,
                TableLayout.expectedColumns(), parts.problems(), parts.measures(), parts.unsure(),
                NarrativeReader.claims(lines, sections), NarrativeReader.yearMentions(lines, sections), notes, null,
                cutOff);
    }

    /**
     * The text says it is an annual report: a part heading and the words 政府信息公开, a title naming the
     * report, or a statistical table read by its labels.
     */
    private static boolean looksLikeAnnualReport(List<SourceLine> lines, List<Section> sections,
                                                 TableReader.Tables tables, MetadataReader.Metadata meta) {
        if (meta.report().titleYear() != null || tables.cells().size() >= 10 || sections.size() >= 3) {
            return true;
        }
        if (sections.size() >= 2 && !tables.cells().isEmpty()) {
            return true; // two part headings and a table's rows under them
        }
        // the opening lines name the report: a title, or a preamble 「现将…政府信息公开工作报告予以公布」
        int seen = 0;
        for (SourceLine line : lines) {
            String c = line.compact();
            if (c.isEmpty()) {
                continue;
            }
            if (++seen > 12) {
                break;
            }
            Matcher named = c.contains("政府信息公开") ? SELF_NAMING.matcher(c) : null;
            if (named != null && named.find() && !NOT_THE_REPORT.matcher(c.substring(named.end())).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the report stops early, or {@code null} when it does not: the text ends inside a table that has
     * not reached its last row, or in the middle of a sentence before all six parts, or its last character was
     * cut.
     */
    private static CutOff cutOff(List<SourceLine> lines, List<Section> sections, List<TableCell> cells,
                                 List<ExpectedRow> expectedRows, int lastLine, boolean brokenCharacter) {
        if (lastLine == 0) {
            return null;
        }
        SourceLine last = lines.get(lastLine - 1);
        String excerpt = last.compact().length() > 30 ? last.compact().substring(last.compact().length() - 30)
                : last.compact();
        Section lastSection = sections.stream().max((a, b) -> Integer.compare(a.line(), b.line())).orElse(null);
        String table = tableAtEnd(lines, lastSection, cells, lastLine);
        if (table != null && !tableComplete(table, cells, expectedRows)) {
            List<String> order = expectedRows.stream().filter(r -> r.table().equals(table)).map(ExpectedRow::row).toList();
            int lastIndex = -1;
            for (TableCell c : cells) {
                if (c.table().equals(table)) {
                    lastIndex = Math.max(lastIndex, order.indexOf(c.row()));
                }
            }
            return new CutOff(table, lastIndex < 0 ? null : order.get(lastIndex),
                    order.subList(lastIndex + 1, order.size()), lastLine, excerpt);
        }
        if (brokenCharacter) {
            return new CutOff(null, null, List.of(), lastLine, excerpt);
        }
        boolean inTable = last.compact().contains("|") || LineCells.of(last).valuesOnly();
        if (sections.size() < 6 && !inTable && !CLOSED.matcher(last.compact()).matches()
                && !DATE_OR_NAME.matcher(last.compact()).matches()) {
            return new CutOff(null, null, List.of(), lastLine, excerpt);
        }
        return null;
    }

    /**
     * The table the text ends in: the one whose cells come last, when nothing but table lines follows them; or,
     * when the last part is a table's part and no cell of it was read, that table (cut off in its header).
     */
    private static String tableAtEnd(List<SourceLine> lines, Section lastSection, List<TableCell> cells, int lastLine) {
        TableCell lastCell = cells.stream().max((a, b) -> Integer.compare(a.line(), b.line())).orElse(null);
        if (lastCell != null && (lastSection == null || lastCell.line() > lastSection.line())) {
            for (int n = lastCell.line() + 1; n <= lastLine; n++) {
                if (isNarrative(lines.get(n - 1))) {
                    return null;
                }
            }
            return lastCell.table();
        }
        if (lastSection != null && lastSection.number() >= 2 && lastSection.number() <= 4) {
            for (int n = lastSection.line() + 1; n <= lastLine; n++) {
                if (isNarrative(lines.get(n - 1))) {
                    return null;
                }
            }
            return String.valueOf(lastSection.number());
        }
        return null;
    }

    /** A sentence of running text, not a table's label or number. */
    private static boolean isNarrative(SourceLine line) {
        String c = line.compact();
        return c.length() > 40 && (c.contains("。") || c.contains("，") || c.contains(",")) && !c.contains("|");
    }

    private static boolean tableComplete(String table, List<TableCell> cells, List<ExpectedRow> expectedRows) {
        return switch (table) {
            case "4" -> cells.stream().filter(c -> c.table().equals("4")).count() >= 15;
            case "3" -> cells.stream().anyMatch(c -> c.table().equals("3") && c.row().equals("carried_forward"));
            default -> {
                String lastRow = null;
                for (ExpectedRow r : expectedRows) {
                    if (r.table().equals(table)) {
                        lastRow = r.row();
                    }
                }
                String wanted = lastRow;
                yield wanted == null || cells.stream().anyMatch(c -> c.table().equals(table) && c.row().equals(wanted));
            }
        };
    }

    /**
     * A text that stops in the middle of a number (「…| 4」 where the report has 45) must not give that number:
     * when the text ends in a digit with no line end after it, the cells of its last line are left unread.
     */
    private static List<TableCell> withoutCutNumber(List<TableCell> cells, SourceText text) {
        String original = text.original();
        if (original.isEmpty() || !Character.isDigit(original.charAt(original.length() - 1))) {
            return cells;
        }
        int last = lastNonBlank(text.lines());
        return cells.stream().filter(c -> c.line() != last).toList();
    }

    private static int lastNonBlank(List<SourceLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).number();
            }
        }
        return 0;
    }
}
