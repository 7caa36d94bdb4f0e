package org.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.reading.Readers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class KeptFormTest {

    private static final ObjectMapper NAMED = JsonMapper.builder().build();
    private static final ObjectMapper KEPT = KeptForm.of(NAMED);

    static java.util.List<String> samples() {
        return Samples.NAMES;
    }

    private static ReportFacts drawn(String name) {
        return Samples.assessor().draw(Readers.read(name, Samples.bytes(name)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aReportsFactsReadBackFromTheKeptFormAreTheFactsDrawnAndTakeAtMostHalfTheText(String name) {
        ReportFacts facts = drawn(name);
        String kept = KEPT.writeValueAsString(facts);

        assertThat(KEPT.readValue(kept, ReportFacts.class)).isEqualTo(facts);
        assertThat(facts.cells()).isNotEmpty();
        assertThat(kept.length()).isLessThan(NAMED.writeValueAsString(facts).length() * 6 / 10);
    }

    @Test
    void aCellIsKeptAsItsFieldsInOrderWithNothingWorkedOutFromThem() {
        TableCell cell = new TableCell("3", "new_received", "total", 1.0, "1", 40);
        TableCell dash = new TableCell("4", "review", "total", 0.0, "—", 41);
        TableCell blank = new TableCell("4", "review", "corrected", null, "", 42);

        assertThat(KEPT.writeValueAsString(cell)).isEqualTo("[\"3\",\"new_received\",\"total\",1.0,\"1\",40]");
        assertThat(KEPT.readValue(KEPT.writeValueAsString(dash), TableCell.class)).isEqualTo(dash)
                .matches(TableCell::isDash);
        assertThat(KEPT.readValue(KEPT.writeValueAsString(blank), TableCell.class)).isEqualTo(blank)
                .matches(TableCell::isBlank);
        TableCell endless = new TableCell("3", "new_received", "total", Double.POSITIVE_INFINITY, "9".repeat(400), 43);
        assertThat(KEPT.readValue(KEPT.writeValueAsString(endless), TableCell.class)).as("a number past a double's range")
                .isEqualTo(endless);
        assertThat(KEPT.writeValueAsString(new ExpectedRow("3", "granted", "予以公开", "result")))
                .isEqualTo("[\"3\",\"granted\",\"予以公开\",\"result\"]");
    }

    @Test
    void aKeptCellThatIsNotSixFieldsInOrderIsNotRead() {
        assertThatThrownBy(() -> KEPT.readValue("[\"3\",\"new_received\",\"total\",1.0,\"1\"]", TableCell.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KEPT.readValue("[\"3\",\"new_received\",\"total\",1.0,\"1\",40,41]", TableCell.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KEPT.readValue("[\"3\",\"new_received\",\"total\",\"one\",\"1\",40]", TableCell.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KEPT.readValue("[\"3\",\"new_received\",7,1.0,\"1\",40]", TableCell.class))
                .isInstanceOf(JacksonException.class);
        assertThat(KEPT.readValue("[\"3\",\"new_received\",\"total\",2,\"2\",40]", TableCell.class).value())
                .as("a whole number as written by another writer").isEqualTo(2.0);
        assertThatThrownBy(() -> KEPT.readValue("[\"3\",\"granted\",\"予以公开\"]", ExpectedRow.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KEPT.readValue("[\"3\",\"total\",\"总计\",\"x\"]", ExpectedColumn.class))
                .isInstanceOf(JacksonException.class);
        assertThat(KEPT.readValue("[\"3\",\"total\",null]", ExpectedColumn.class))
                .isEqualTo(new ExpectedColumn("3", "total", null));
    }

    @Test
    void theMapperTheKeptFormIsMadeFromStillNamesTheFieldsAsAnAssessmentsOwnFactsDo() {
        ObjectMapper base = JsonMapper.builder().build();
        ObjectMapper kept = KeptForm.of(base);
        TableCell cell = new TableCell("3", "new_received", "total", 1.0, "1", 40);

        assertThat(kept.writeValueAsString(cell)).startsWith("[");
        assertThat(base.writeValueAsString(cell))
                .contains("\"table\":\"3\"", "\"row\":\"new_received\"", "\"column\":\"total\"");
    }

    @Test
    void factsKeptInTheEarlierNamedFormAreNotReadAsIfTheyWereInThisOne() {
        String earlier = NAMED.writeValueAsString(drawn(Samples.NAMES.get(0)));

        // the store takes such facts for facts of an earlier shape and reads the report again
        assertThatThrownBy(() -> KEPT.readValue(earlier, ReportFacts.class)).isInstanceOf(JacksonException.class);
    }
}
