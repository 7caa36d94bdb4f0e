package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nianbao.reading.RejectedInput;
import org.nianbao.reading.SourceText;
import org.nianbao.report.ExpectedRow;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.Report;
import org.nianbao.report.ReportFacts;
import org.nianbao.report.Section;
import org.nianbao.report.TableCell;

/**
 * Turns a report's text into facts: metadata, sections, sub-parts, statements, table cells under their
 * canonical keys, section 五's problems and measures, and the numbers the narrative states.
 */
public final class ReportExtractor {

    private static final Set<String> COLUMNS_2019 = Set.of("made", "published", "total_published",
            "last_year_items", "change", "items");

    private final StatementCatalog statements;

    public ReportExtractor(StatementCatalog statements) {
        this.statements = statements;
    }

    public ReportFacts extract(SourceText text) {
        var lines = text.lines();
        List<Section> sections = SectionFinder.find(text);
        TableReader.Tables tables = TableReader.read(lines, sections);
        MetadataReader.Metadata meta = MetadataReader.read(lines, sections);

        int evidence = sections.size() + (tables.cells().size() >= 10 ? 2 : 0) + (meta.report().titleYear() != null ? 1 : 0);
        if (evidence < 3) {
            throw RejectedInput.notAReport(sections.isEmpty()
                    ? "未找到「一、总体情况」等六个部分的标题，也没有统计表格"
                    : "只找到 %d 个部分标题，且没有统计表格".formatted(sections.size()));
        }

        boolean format2019 = tables.item9Present()
                || tables.cells().stream().anyMatch(c -> c.table().equals("2") && COLUMNS_2019.contains(c.column()));
        Report report = meta.report();
        report = new Report(report.agency(), report.year(), format2019 ? "2019" : "2021", report.level(),
                report.publishedOn(), report.publishedOnSource(), report.signedOn(), report.signedOnLine(),
                report.titleYear(), report.titleLine());

        boolean due2021 = report.year() != null ? report.year() >= 2021 : !format2019;
        boolean otherAsOneRow = tables.cells().stream().anyMatch(c -> c.table().equals("3") && c.row().equals("other"))
                && tables.cells().stream().noneMatch(c -> c.table().equals("3") && c.row().startsWith("other_"));
        List<ExpectedRow> expectedRows = TableLayout.expectedRows(due2021, otherAsOneRow);

        Section five = sections.stream().filter(s -> s.number() == 5).findFirst().orElse(null);
        Section one = sections.stream().filter(s -> s.number() == 1).findFirst().orElse(null);
        NarrativeReader.SectionFive parts = NarrativeReader.sectionFive(lines, five);
        List<ExtractionNote> notes = new ArrayList<>(tables.notes());
        List<TableCell> cells = tables.cells();

        return new ReportFacts(report, sections, NarrativeReader.subParts(lines, one),
                NarrativeReader.statements(lines, sections, statements), meta.period(), cells, expectedRows,
                TableLayout.expectedColumns(), parts.problems(), parts.measures(),
                NarrativeReader.claims(lines, sections), NarrativeReader.yearMentions(lines, sections), notes, null);
    }
}
