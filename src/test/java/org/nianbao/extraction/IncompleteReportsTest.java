package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.rules.Finding;

/** Reports that stop early — drafts, pages cut off, files cut in a character — are assessed, not refused. */
class IncompleteReportsTest {

    static Assessment assess(String name, byte[] bytes) {
        return Samples.assessor().assess(name, bytes, AssessmentOptions.NONE);
    }

    static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    /** Every cell of an assessment by its keys. */
    static Map<String, Number> cells(Assessment a) {
        Map<String, Number> cells = new HashMap<>();
        a.facts().cells().forEach(c -> cells.put(c.table() + "/" + c.row() + "/" + c.column(), c.value()));
        return cells;
    }

    @Test
    void aFileCutInTheMiddleOfACharacterIsAssessedWithItsLastCharacterDropped() {
        byte[] full = Samples.bytes("000_0b909c2a4ee59f11.txt");
        int cut = full.length / 2;
        while ((full[cut] & 0xC0) != 0x80) {
            cut++; // inside a three-byte character
        }
        Assessment a = assess("cut.txt", Arrays.copyOf(full, cut));

        assertThat(a.report().completeness()).isEqualTo("cut_off");
        assertThat(a.report().agency()).isEqualTo("衢州市应急管理局");
        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("READ-TEXT-REPAIRED");
            assertThat(f.message()).contains("不完整的字符");
            assertThat(f.deduction()).isZero();
        });
    }

    @Test
    void eachSampleCutAtEveryTenthIsAssessedAndKeepsOnlyRightCells() {
        for (String name : Samples.NAMES) {
            Map<String, Number> whole = cells(Samples.assess(name));
            byte[] full = Samples.bytes(name);
            for (int tenth = 1; tenth <= 9; tenth++) {
                Assessment a = assess(name, Arrays.copyOf(full, full.length * tenth / 10));
                String where = name + " cut at " + tenth + "/10";
                assertThat(a.report().completeness()).as(where).isIn("cut_off", "draft");
                cells(a).forEach((key, value) -> assertThat(value).as(where + " " + key).isEqualTo(whole.get(key)));
            }
        }
    }

    /** Sample 000's text up to (not including) the first line that holds {@code marker}. */
    static Assessment upTo(String marker) {
        String text = Samples.text("000_0b909c2a4ee59f11.txt");
        int at = text.lastIndexOf('\n', text.indexOf(marker)) + 1;
        return assess("000-part.txt", text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReportCutOffInsideTable3IsReportedOnceAsCutOffNotRowByRow() {
        Assessment a = upTo("2.其他法律行政法规禁止公开");

        assertThat(a.report().completeness()).isEqualTo("cut_off");
        assertThat(ruleIds(a)).contains("COMP-T3-CUT-OFF", "COMP-SECTION-MISSING")
                .doesNotContain("COMP-T3-ROW-MISSING", "ARITH-T3-BALANCE", "ARITH-T3-RESULTS-TOTAL");
        Finding cutOff = a.findings().stream().filter(f -> f.ruleId().equals("COMP-T3-CUT-OFF")).findFirst().orElseThrow();
        assertThat(cutOff.message()).contains("国家秘密");
        assertThat(cutOff.deduction()).isEqualTo(6.0);
    }

    @Test
    void aReportWhoseTable3IsShortButWhoseTextGoesOnStillHasItsMissingRows() {
        Assessment a = Samples.assess("004_e93a6eea8c407df3.txt");

        assertThat(ruleIds(a)).contains("COMP-T3-ROW-MISSING").doesNotContain("COMP-T3-CUT-OFF");
    }

    @Test
    void aReportCutOffInTheHeaderOfTable3IsCutOffNotAMissingTable() {
        Assessment a = upTo("一、本年新收政府信息公开申请数量");

        assertThat(a.report().completeness()).isEqualTo("cut_off");
        assertThat(ruleIds(a)).contains("COMP-T3-CUT-OFF").doesNotContain("COMP-T3-MISSING", "COMP-T3-ROW-MISSING");
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("COMP-T3-CUT-OFF"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("表头之后没有数据"));
    }

    @Test
    void aDraftWithOnlyItsFirstTwoPartsIsAssessedAsADraft() {
        Assessment a = upTo("三、收到和处理政府信息公开申请情况");

        assertThat(a.report().completeness()).isEqualTo("draft");
        assertThat(a.findings().stream().filter(f -> f.ruleId().equals("COMP-SECTION-MISSING"))).hasSize(4);
        assertThat(ruleIds(a)).contains("COMP-T3-MISSING", "COMP-T4-MISSING").doesNotContain("COMP-T2-ROW-MISSING");
        assertThat(a.score()).isLessThan(Samples.assess("000_0b909c2a4ee59f11.txt").score());
    }

    @Test
    void aCompleteReportIsFull() {
        assertThat(Samples.assess("001_0f3a3c160bddc4d1.txt").report().completeness()).isEqualTo("full");
    }

    @Test
    void aRowWrittenAsDashesOneCellPerLineReadsAsNone() {
        Assessment a = Samples.assessEdited("001_0f3a3c160bddc4d1.txt",
                "2.重复申请 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 | ||", "2.重复申请 |\n- |\n- |\n- |\n- |\n- |\n- |\n- | ||");

        assertThat(a.facts().cells()).filteredOn(c -> c.row().equals("not_processed_repeated"))
                .hasSize(7).allSatisfy(c -> {
                    assertThat(c.value()).isEqualTo(0L);
                    assertThat(c.raw()).isEqualTo("-");
                });
        assertThat(ruleIds(a)).doesNotContain("COMP-T3-ROW-MISSING");
    }
}
