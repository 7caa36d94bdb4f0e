package org.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.reading.Readers;
import org.nianbao.rules.RuleSetLoader;

class ReportFactsTest {

    private static ReportFacts withCells(List<TableCell> cells) {
        return new ReportFacts(null, List.of(), List.of(), List.of(), null, cells, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void aRowIsThereOnceForAllItsCellsBlankOrNotAndWhereverTheyAreAtItsFirstCellsLine() {
        ReportFacts facts = withCells(List.of(
                new TableCell("3", "new_received", "natural_person", null, "", 14),
                new TableCell("3", "new_received", "total", 1.0, "1", 15),
                new TableCell("4", "new_received", "total", 0.0, "0", 40),
                new TableCell("3", "carried_over", "total", 0.0, "0", 16),
                new TableCell("3", "new_received", "commercial_enterprise", 0.0, "0", 17)));

        assertThat(facts.rows()).containsExactly(new TableRow("3", "new_received", 14),
                new TableRow("4", "new_received", 40), new TableRow("3", "carried_over", 16));
        assertThat(facts.all()).containsAll(facts.rows());
    }

    @Test
    void aReportWithoutTablesHasNoRows() {
        assertThat(withCells(List.of()).rows()).isEmpty();
    }

    @Test
    void everyRowOfASampleHasItsCellsAndEveryCellItsRow() {
        String name = "000_0b909c2a4ee59f11.txt";
        ReportFacts facts = new ReportExtractor(RuleSetLoader.load(Samples.RULES).statements())
                .extract(Readers.read(name, Samples.bytes(name)).text());

        assertThat(facts.rows()).hasSizeGreaterThan(20);

        assertThat(facts.rows()).extracting(r -> r.table() + "/" + r.row()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(facts.cells().stream().map(c -> c.table() + "/" + c.row()).distinct().toList());
    }
}
