package org.nianbao.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything extracted from one report: the facts inserted into the rule session.
 *
 * @param previousYear last year's report of the same agency, or {@code null}
 * @param cutOff       where the text stops, for a report that stops early; {@code null} otherwise
 */
public record ReportFacts(Report report, List<Section> sections, List<SubPart> subParts,
                          List<Statement> statements, StatisticalPeriod period, List<TableCell> cells,
                          List<ExpectedRow> expectedRows, List<ExpectedColumn> expectedColumns,
                          List<Problem> problems, List<Measure> measures, List<NarrativeUnsure> unsure,
                          List<NarrativeClaim> claims,
                          List<YearMention> yearMentions, List<ExtractionNote> notes, PreviousYear previousYear,
                          CutOff cutOff) {

    public ReportFacts {
        sections = List.copyOf(sections);
        subParts = List.copyOf(subParts);
        statements = List.copyOf(statements);
        cells = List.copyOf(cells);
        expectedRows = List.copyOf(expectedRows);
        expectedColumns = List.copyOf(expectedColumns);
        problems = List.copyOf(problems);
        measures = List.copyOf(measures);
        unsure = List.copyOf(unsure);
        claims = List.copyOf(claims);
        yearMentions = List.copyOf(yearMentions);
        notes = List.copyOf(notes);
    }

    public ReportFacts withReport(Report newReport) {
        return new ReportFacts(newReport, sections, subParts, statements, period, cells, expectedRows,
                expectedColumns, problems, measures, unsure, claims, yearMentions, notes, previousYear, cutOff);
    }

    public ReportFacts withPreviousYear(PreviousYear previous) {
        return new ReportFacts(report, sections, subParts, statements, period, cells, expectedRows,
                expectedColumns, problems, measures, unsure, claims, yearMentions, notes, previous, cutOff);
    }

    /** The rows the report has, one for each table and row that has a cell, in the order of their first cells. */
    public List<TableRow> rows() {
        List<TableRow> rows = new ArrayList<>();
        for (List<TableCell> row : grouped(true)) {
            TableCell first = row.get(0);
            rows.add(new TableRow(first.table(), first.row(), first.line(), row));
        }
        return rows;
    }

    /** The columns the report has, one for each table and column that has a cell, in the order of their first cells. */
    public List<TableColumn> columns() {
        List<TableColumn> columns = new ArrayList<>();
        for (List<TableCell> column : grouped(false)) {
            TableCell first = column.get(0);
            columns.add(new TableColumn(first.table(), first.column(), column));
        }
        return columns;
    }

    /** The cells by table and row (or column), in the order of each group's first cell. */
    private java.util.Collection<List<TableCell>> grouped(boolean byRow) {
        java.util.Map<Group, List<TableCell>> groups = new java.util.LinkedHashMap<>();
        List<TableCell> previous = null;
        String previousKey = null;
        for (TableCell cell : cells) {
            String key = byRow ? cell.row() : cell.column();
            // a row's cells come one after another: a cell of the same row (or column) as the one before joins it at once
            if (previous == null || !key.equals(previousKey) || !previous.get(0).table().equals(cell.table())) {
                previous = groups.computeIfAbsent(new Group(cell.table(), key), k -> new ArrayList<>());
                previousKey = key;
            }
            previous.add(cell);
        }
        return groups.values();
    }

    /** A table's row or column. */
    private record Group(String table, String key) {
    }

    /** Every fact, as inserted into a rule session. */
    public List<Object> all() {
        List<Object> all = new ArrayList<>(cells.size() + expectedRows.size() + 64);
        all.add(report);
        if (period != null) {
            all.add(period);
        }
        if (previousYear != null) {
            all.add(previousYear);
        }
        if (cutOff != null) {
            all.add(cutOff);
        }
        all.addAll(sections);
        all.addAll(subParts);
        all.addAll(statements);
        all.addAll(cells);
        all.addAll(rows());
        all.addAll(columns());
        all.addAll(expectedRows);
        all.addAll(expectedColumns);
        all.addAll(problems);
        all.addAll(measures);
        all.addAll(unsure);
        all.addAll(claims);
        all.addAll(yearMentions);
        all.addAll(notes);
        return all;
    }

    public Section section(int number) {
        return sections.stream().filter(s -> s.number() == number).findFirst().orElse(null);
    }
}
