package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.scoring.CheckResult;

/** The checks that compare a report with last year's report of the same agency (A6, A7, N2). */
class CrossYearTest {

    private static CheckResult check(Assessment a, String id) {
        return a.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Document pdf(String name) throws IOException {
        return Readers.read(name, Files.readAllBytes(Path.of("src/test/resources/pdf", name)));
    }

    @Test
    void theRealPairOfHongzeReportsIsCheckedAcrossYears() throws IOException {
        Assessment alone = Samples.assessor().assess(pdf("hongze-2024.pdf"), AssessmentOptions.NONE);
        Assessment withLastYear = Samples.assessor().assess(pdf("hongze-2024.pdf"),
                AssessmentOptions.NONE.withPreviousYear(pdf("hongze-2023.pdf")));

        assertThat(check(alone, "A6").outcome()).isEqualTo("not_applicable");
        assertThat(check(withLastYear, "A6").outcome()).isEqualTo("passed"); // 2024 上年结转 = 2023 结转下年度 (0)
        assertThat(check(withLastYear, "A7").outcome()).isEqualTo("passed");
        assertThat(withLastYear.findings()).noneMatch(f -> f.ruleId().equals("NARR-COPIED-FROM-LAST-YEAR"));
    }

    @Test
    void aReportCopiedFromLastYearIsFlaggedAndItsCarryOverChecked() {
        String thisYear = Samples.text("001_0f3a3c160bddc4d1.txt");
        String lastYear = thisYear.replace("2023年", "2022年").replace("2024年", "2023年");
        Document previous = Readers.read("2022.txt", lastYear.getBytes(StandardCharsets.UTF_8));

        Assessment a = Samples.assessor().assess(Readers.read("2023.txt", thisYear.getBytes(StandardCharsets.UTF_8)),
                AssessmentOptions.NONE.withPreviousYear(previous));

        // last year's copy carried 1 forward; this year says 2 were carried over
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("ARITH-CARRY-OVER-ACROSS-YEARS"))
                .extracting(f -> f.evidence().column() + ":" + f.evidence().expected() + "→" + f.evidence().actual())
                .containsExactlyInAnyOrder("natural_person:1.0→2.0", "total:1.0→2.0");
        assertThat(a.findings()).anyMatch(f -> f.ruleId().equals("ARITH-IN-FORCE-ACROSS-YEARS")
                && f.evidence().expected() == 66.0 && f.evidence().actual() == 64.0);
        assertThat(a.findings()).anyMatch(f -> f.ruleId().equals("NARR-COPIED-FROM-LAST-YEAR") && f.deduction() == 4.0);
        assertThat(a.flags()).contains("与上一年度报告几乎相同（相似度95%以上）");
        assertThat(a.grade()).isIn("合格", "不合格");
    }

    @Test
    void aPreviousReportOfAnotherYearCannotBeCompared() {
        Document sameYear = Readers.read("again.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"));

        Assessment a = Samples.assessor().assess(Readers.read("000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt")),
                AssessmentOptions.NONE.withPreviousYear(sameYear));

        assertThat(check(a, "A6").outcome()).isEqualTo("not_applicable");
        assertThat(check(a, "A7").outcome()).isEqualTo("not_applicable");
        assertThat(a.findings()).anyMatch(f -> f.ruleId().equals("ARITH-PREVIOUS-YEAR-NOT-CONSECUTIVE"));
    }
}
