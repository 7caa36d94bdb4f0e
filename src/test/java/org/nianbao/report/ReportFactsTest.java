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

        assertThat(facts.rows()).extracting(r -> r.table() + "/" + r.row() + "@" + r.line())
                .containsExactly("3/new_received@14", "4/new_received@40", "3/carried_over@16");
        TableRow newReceived = facts.rows().get(0);
        assertThat(newReceived.cells()).extracting(TableCell::column)
                .containsExactly("natural_person", "total", "commercial_enterprise");
        assertThat(newReceived.value("total")).isEqualTo(1.0);
        assertThat(newReceived.value("natural_person")).as("blank").isNull();
        assertThat(newReceived.value("other_org")).as("not read").isNull();
        assertThat(newReceived.sumOf("total", "commercial_enterprise")).isEqualTo(1.0);
        assertThat(newReceived.sumOf("total", "natural_person")).as("one of them blank").isNull();
        assertThat(facts.all()).containsAll(facts.rows());
    }

    @Test
    void aColumnHasItsCellsFromEveryRowOfItsTableOnly() {
        ReportFacts facts = withCells(List.of(
                new TableCell("3", "granted", "total", 2.0, "2", 20),
                new TableCell("3", "partially_granted", "total", 3.0, "3", 21),
                new TableCell("4", "review", "total", 9.0, "9", 40),
                new TableCell("3", "results_total", "total", 5.0, "5", 30),
                new TableCell("3", "results_total", "natural_person", null, "", 30)));

        assertThat(facts.columns()).extracting(c -> c.table() + "/" + c.column())
                .containsExactly("3/total", "4/total", "3/natural_person");
        TableColumn total = facts.columns().get(0);
        assertThat(total.cell("results_total").line()).isEqualTo(30);
        assertThat(total.sumOf(java.util.Set.of("granted", "partially_granted"))).isEqualTo(5.0);
        assertThat(total.sumOf(java.util.Set.of("granted", "denied_state_secret"))).as("a row not read").isNull();
        assertThat(total.sumOf(java.util.Set.of())).as("nothing to add").isNull();
        assertThat(total.sumOf("granted", "partially_granted")).as("the rows named one by one").isEqualTo(5.0);
        assertThat(total.value("results_total")).isEqualTo(5.0);
        assertThat(facts.columns().get(2).value("results_total")).as("blank").isNull();
        assertThat(facts.all()).containsAll(facts.columns());
    }

    @Test
    void aReportWithoutTablesHasNoRows() {
        assertThat(withCells(List.of()).rows()).isEmpty();
    }

    @Test
    void everyRowOfASampleHasItsCellsAndEveryCellItsRow() {
        String name = "000_0b909c2a4ee59f11.txt";
        ReportFacts facts = new ReportExtractor(RuleSetLoader.load(Samples.RULES).statements(), RuleSetLoader.load(Samples.RULES).organs())
                .extract(Readers.read(name, Samples.bytes(name)).text());

        assertThat(facts.rows()).hasSizeGreaterThan(20);

        assertThat(facts.rows()).extracting(r -> r.table() + "/" + r.row()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(facts.cells().stream().map(c -> c.table() + "/" + c.row()).distinct().toList());
    }
}
