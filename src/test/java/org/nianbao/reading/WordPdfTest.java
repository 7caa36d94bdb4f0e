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
 * The samples written in Word with the official table layout (merged header cells, vertically merged group
 * labels, a narrow label column) and exported to PDF by LibreOffice: the PDF gives every cell the Word
 * document gives, read by the table's ruling lines and each glyph's position.
 */
class WordPdfTest {

    static final Path DIR = Path.of("src/test/resources/pdf/word");

    static List<String> samples() {
        return Samples.NAMES;
    }

    private static Assessment assess(String name, byte[] bytes) {
        return Samples.assessor().assess(name, bytes, AssessmentOptions.NONE);
    }

    private static Map<String, Object> cells(Assessment a) {
        Map<String, Object> cells = new TreeMap<>();
        a.facts().cells().forEach(c -> cells.put(c.table() + "/" + c.row() + "/" + c.column(),
                c.value() == null ? "blank" : c.value().doubleValue()));
        return cells;
    }

    private static byte[] word(String name) {
        return WordTables.docx(Samples.text(name), Samples.assess(name).facts().cells());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theOfficialTableLayoutInWordReadsLikeTheText(String name) {
        Assessment text = Samples.assess(name);
        Assessment word = assess(name + ".docx", word(name));

        assertThat(cells(word)).isEqualTo(cells(text));
        assertThat(word.report().agency()).isEqualTo(text.report().agency());
        assertThat(word.report().year()).isEqualTo(text.report().year());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theWordExportedPdfGivesEveryCellTheWordDocumentGives(String name) throws IOException {
        Assessment word = assess(name + ".docx", word(name));
        Path pdf = DIR.resolve(name.substring(0, 3) + ".pdf");
        Assessment exported = assess(pdf.getFileName().toString(), Files.readAllBytes(pdf));

        assertThat(cells(exported)).isEqualTo(cells(word));
        assertThat(exported.report().agency()).isEqualTo(word.report().agency());
        assertThat(exported.report().year()).isEqualTo(word.report().year());
        assertThat(exported.report().level()).isEqualTo(word.report().level());
    }
}
