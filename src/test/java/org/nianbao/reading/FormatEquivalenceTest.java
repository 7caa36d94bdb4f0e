package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;

/** The same report as .txt, .docx, .html and .pdf yields the same cells, metadata and findings. */
class FormatEquivalenceTest {

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

    private static List<String> findings(Assessment a, boolean withTimeliness) {
        return a.findings().stream()
                .filter(f -> withTimeliness || !f.category().equals("timeliness"))
                .map(f -> f.ruleId() + " " + f.evidence().table() + "/" + f.evidence().row() + "/" + f.evidence().column()
                        + " -" + f.deduction())
                .sorted().collect(Collectors.toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aWordDocumentWithRealTablesReadsLikeTheText(String name) {
        Assessment text = Samples.assess(name);
        Assessment word = assess(name + ".docx", Formats.docx(Samples.text(name)));

        assertThat(cells(word)).isEqualTo(cells(text));
        assertThat(word.report()).isEqualTo(text.report());
        assertThat(findings(word, true)).isEqualTo(findings(text, true));
        assertThat(word.score()).isEqualTo(text.score());
    }

    /** An old Word file: sample 001 converted to .doc by LibreOffice (src/test/resources/doc/rebuild.sh). */
    @org.junit.jupiter.api.Test
    void anOldWordDocumentReadsLikeTheText() throws java.io.IOException {
        String name = "001_0f3a3c160bddc4d1.txt";
        Assessment text = Samples.assess(name);
        Assessment doc = assess("sample-001.doc", Files.readAllBytes(java.nio.file.Path.of("src/test/resources/doc/sample-001.doc")));

        assertThat(cells(doc)).isEqualTo(cells(text));
        assertThat(doc.report()).isEqualTo(text.report());
        assertThat(findings(doc, true)).isEqualTo(findings(text, true));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aWebPageReadsLikeTheTextAndGivesItsPublicationDate(String name) {
        Assessment text = Samples.assess(name);
        Assessment page = assess(name + ".html", Formats.html(Samples.text(name), "2024-01-20 09:30"));

        assertThat(cells(page)).isEqualTo(cells(text));
        assertThat(page.report().agency()).isEqualTo(text.report().agency());
        assertThat(page.report().year()).isEqualTo(text.report().year());
        assertThat(page.report().format()).isEqualTo(text.report().format());
        assertThat(page.report().publishedOnSource()).isEqualTo("page");
        assertThat(findings(page, false)).isEqualTo(findings(text, false));
    }

    /** Sample 004 is left out: its blank cells cannot be printed in a PDF, so they are simply absent there. */
    @ParameterizedTest
    @ValueSource(strings = {"000_0b909c2a4ee59f11.txt", "001_0f3a3c160bddc4d1.txt", "002_6d7e4eb448e02a30.txt",
            "003_a08e251a7459b3ee.txt"})
    void aPdfReadsLikeTheText(String name) {
        assumeTrue(Files.isRegularFile(Formats.CJK_FONT), "needs the CJK font of Debian's fonts-wqy-microhei (.ci/run installs it)");
        Assessment text = Samples.assess(name);
        Assessment pdf = assess(name + ".pdf", Formats.pdf(Samples.text(name)));

        assertThat(cells(pdf)).isEqualTo(cells(text));
        assertThat(pdf.report()).isEqualTo(text.report());
        assertThat(findings(pdf, true)).isEqualTo(findings(text, true));
    }

}
