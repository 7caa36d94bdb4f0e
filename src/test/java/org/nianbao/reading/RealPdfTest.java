package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;

/** Three real published PDFs: text layer, page numbers, hard line breaks, tables laid out by position. */
class RealPdfTest {

    private static Assessment assess(String name) throws IOException {
        return Samples.assessor().assess(name, Files.readAllBytes(Path.of("src/test/resources/pdf", name)), AssessmentOptions.NONE);
    }

    private static Map<String, Number> cells(Assessment a) {
        return a.facts().cells().stream().filter(c -> c.value() != null)
                .collect(Collectors.toMap(c -> c.table() + "/" + c.row() + "/" + c.column(), Assessment.Cell::value));
    }

    @Test
    void readsTheCityGovernmentsReportWithLabelsBrokenAcrossLines() throws IOException {
        Assessment a = assess("huaian-2024.pdf");

        assertThat(a.report().agency()).isEqualTo("淮安市人民政府");
        assertThat(a.report().year()).isEqualTo(2024);
        assertThat(a.report().level()).isEqualTo("government");
        assertThat(a.facts().sections()).containsExactly(1, 2, 3, 4, 5, 6);
        Map<String, Number> cells = cells(a);
        assertThat(cells).hasSize(200);
        assertThat(cells).containsEntry("3/new_received/total", 3119L)
                .containsEntry("3/denied_third_party/total", 6L)       // label and numbers on different lines
                .containsEntry("3/unavailable_not_held/natural_person", 746L)
                .containsEntry("3/other_no_correction/total", 71L)     // 「逾期不补 / 正、…」 broken mid-word
                .containsEntry("3/other_misc/total", 110L)             // 「3、其他」
                .containsEntry("3/results_total/total", 3050L)
                .containsEntry("3/carried_forward/total", 103L)
                .containsEntry("4/review/upheld", 72L)
                .containsEntry("4/review/total", 351L)
                .containsEntry("4/litigation_after_review/total", 20L);
        assertThat(a.findings()).noneMatch(f -> f.category().equals("arithmetic") && f.isErrorOrWarning());
    }

    @Test
    void findsTheUnbalancedTotalsOfTable4InHongze2023() throws IOException {
        Assessment a = assess("hongze-2023.pdf");

        assertThat(a.report().agency()).isEqualTo("洪泽区人民政府");
        assertThat(a.report().level()).isEqualTo("government");
        Map<String, Number> cells = cells(a);
        assertThat(cells).containsEntry("3/other/total", 0L); // 三(六)其他处理 printed as one row
        assertThat(cells).doesNotContainKey("3/other_misc/total");
        assertThat(cells).containsEntry("2/admin_fees/amount", 7730.28);
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("ARITH-T4-ROW-TOTAL"))
                .extracting(f -> f.evidence().row() + ":" + f.evidence().expected() + "≠" + f.evidence().actual())
                .containsExactlyInAnyOrder("review:11.0≠0.0", "litigation_after_review:5.0≠0.0");
    }

    @Test
    void aNarrowerNarrativeCountIsOnlyAWarning() throws IOException {
        Assessment a = assess("hongze-2024.pdf");

        // 「区政府办代表区政府受理…17件」 counts the office alone; table 3 counts the whole district (95)
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("NARR-RECEIVED-MISMATCH"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo("warning");
                    assertThat(f.evidence().actual()).isEqualTo(17.0);
                    assertThat(f.evidence().expected()).isEqualTo(95.0);
                });
        assertThat(a.findings()).noneMatch(f -> f.ruleId().equals("NARR-NO-MEASURES"));
    }
}
