package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;

/**
 * The samples written in Word with the official table layout but without any table border, exported to PDF by
 * LibreOffice: no ruling line tells the cells apart, so the tables are read by the gaps between their columns.
 */
class UnruledPdfTest {

    static final Path DIR = Path.of("src/test/resources/pdf/unruled");

    static List<String> samples() {
        return Samples.NAMES;
    }

    private static Map<String, Object> cells(Assessment a) {
        Map<String, Object> cells = new TreeMap<>();
        a.facts().cells().forEach(c -> cells.put(c.table() + "/" + c.row() + "/" + c.column(),
                c.value() == null ? "blank" : c.value().doubleValue()));
        return cells;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aBorderlessTableGivesEveryCellTheWordDocumentGives(String name) throws IOException {
        Assessment word = Samples.assessor().assess(name + ".docx",
                WordTables.docx(Samples.text(name), Samples.assess(name).facts().cells(), false), AssessmentOptions.NONE);
        Path pdf = DIR.resolve(name.substring(0, 3) + ".pdf");
        Assessment exported = Samples.assessor().assess(pdf.getFileName().toString(), Files.readAllBytes(pdf), AssessmentOptions.NONE);

        assertThat(cells(exported)).isEqualTo(cells(word));
        assertThat(exported.report().agency()).isEqualTo(word.report().agency());
        assertThat(exported.report().year()).isEqualTo(word.report().year());
    }

    /**
     * The same with every cell centred across and down: label columns no longer share a left edge and a wrapped
     * label's first line stands above its row's numbers. What cannot be placed is left out; no cell is read as a
     * number the report does not give there, and the report is assessed (no internal error).
     */
    @ParameterizedTest
    @MethodSource("samples")
    void aBorderlessTableWithCentredCellsNeverReadsAWrongNumber(String name) throws IOException {
        Map<String, Object> word = cells(Samples.assess(name));
        Path pdf = Path.of("src/test/resources/pdf/centred").resolve(name.substring(0, 3) + ".pdf");
        Assessment exported = Samples.assessor().assess(pdf.getFileName().toString(), Files.readAllBytes(pdf), AssessmentOptions.NONE);

        Map<String, Object> read = cells(exported);
        read.forEach((key, value) -> {
            if (word.containsKey(key) && !"blank".equals(value)) {
                assertThat(value).as(key).isEqualTo(word.get(key));
            }
        });
        assertThat(read.keySet().stream().filter(word::containsKey).count()).as("cells read")
                .isGreaterThanOrEqualTo(word.size() * 6L / 10);
        assertThat(exported.report().agency()).isEqualTo(Samples.assess(name).report().agency());
    }
}
