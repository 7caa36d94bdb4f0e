package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.scoring.CheckResult;

/**
 * What the report does not tell never raises its score: an unknown year holds it to every year's checks, an unknown
 * table format leaves the format check not met, an unknown organ holds it to the earlier deadline.
 */
class MissingMetadataTest {

    private static final String SAMPLE = "000_0b909c2a4ee59f11.txt";

    /** Sample 000 with every statement of its year taken out: no title, no period, no year opening a paragraph. */
    private static String withoutYear() {
        String text = Samples.text(SAMPLE);
        return text.replaceAll("统计期限自2023年1月1日起至(?:2023年)?12月31日止", "统计期限为本年度")
                .replace("2023年,我局", "本年度,我局").replace("2023年", "本年");
    }

    private static Assessment assess(String text) {
        return Samples.assessor().assess("t.txt", text.getBytes(StandardCharsets.UTF_8), AssessmentOptions.NONE);
    }

    private static String outcome(Assessment a, String check) {
        return a.checks().stream().filter(c -> c.id().equals(check)).map(CheckResult::outcome).findFirst().orElseThrow();
    }

    @Test
    void aReportWithoutAYearScoresNoHigherThanWithItsYear() {
        Assessment with = Samples.assess(SAMPLE);
        Assessment without = assess(withoutYear());

        assertThat(without.report().year()).isNull();
        assertThat(without.score()).isLessThanOrEqualTo(with.score());
    }

    @Test
    void aReportWithoutAYearIsHeldToTheChecksOfTheLatestFormat() {
        Assessment without = assess(withoutYear());

        for (String check : List.of("C5", "C7", "N3", "N4", "N5")) {
            assertThat(outcome(without, check)).as(check).isNotEqualTo("not_applicable");
        }
        assertThat(outcome(Samples.assess("002_6d7e4eb448e02a30.txt"), "N4")).isEqualTo("not_applicable"); // a 2020 report
    }

    @Test
    void aReportWithoutAYearInThe2019FormatCannotShowItsFormatFitsAndC5IsNotMet() {
        String text = Samples.text("002_6d7e4eb448e02a30.txt").replace("2020年", "本年");
        Assessment a = assess(text);

        assertThat(a.report().year()).isNull();
        assertThat(a.report().format()).isEqualTo("2019");
        // the format cannot be shown to fit a year the report does not name: C5 earns nothing, and says why
        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("SCORE-YEAR-OMITTED");
            assertThat(f.check()).isEqualTo("C5");
            assertThat(f.message()).contains("没有写明所报告的年度");
        });
        assertThat(outcome(a, "C5")).isEqualTo("failed");
    }

    @Test
    void aReportWithItsYearInTheFormatOfThatYearPassesTheFormatCheck() {
        assertThat(outcome(Samples.assess(SAMPLE), "C5")).isEqualTo("passed");
        assertThat(outcome(Samples.assess("002_6d7e4eb448e02a30.txt"), "C5")).isEqualTo("not_applicable"); // 2019 format, 2020
    }
}
