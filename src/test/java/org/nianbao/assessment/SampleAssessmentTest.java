package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.Samples;
import org.nianbao.rules.Finding;
import org.nianbao.scoring.CheckResult;

/** The findings each sample must (and must not) get: the regression corpus. */
class SampleAssessmentTest {

    static List<String> samples() {
        return Samples.NAMES;
    }

    private static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void sample002IsLateByEightDays() {
        Assessment a = Samples.assess("002_6d7e4eb448e02a30.txt");

        Finding late = a.findings().stream().filter(f -> f.ruleId().equals("TIME-PUBLISHED-LATE")).findFirst().orElseThrow();
        assertThat(late.message()).contains("2021-02-08", "逾期8天");
        assertThat(late.deduction()).isEqualTo(7.0); // 10 points, 3 kept for ≤ 30 days late
        assertThat(a.report().publishedOnSource()).isEqualTo("page");
        assertThat(a.report().format()).isEqualTo("2019");
    }

    @Test
    void sample004IsDatedInsideItsOwnYearAndLacksRowsAndCells() {
        Assessment a = Samples.assess("004_e93a6eea8c407df3.txt");

        assertThat(ruleIds(a)).contains("TIME-SIGNED-IN-REPORT-YEAR", "COMP-FORMAT-OUTDATED", "COMP-SECTION-MISSING");
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("COMP-T3-ROW-MISSING"))
                .extracting(f -> f.evidence().row())
                .containsExactlyInAnyOrder("unavailable_unclear", "not_processed_petition", "not_processed_repeated",
                        "not_processed_publication", "not_processed_excessive", "not_processed_reconfirm",
                        "other_no_correction", "other_unpaid_fee", "other_misc", "results_total", "carried_forward");
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("COMP-BLANK-CELL"))
                .extracting(f -> f.evidence().table() + "/" + f.evidence().row())
                .containsOnly("2/normative_documents").hasSize(3);
        // the balance cannot be checked without the rows: the checks fail for the missing rows, never a false imbalance
        assertThat(check(a, "A1").outcome()).isEqualTo("failed");
        assertThat(check(a, "A2").outcome()).isEqualTo("failed");
        assertThat(ruleIds(a)).contains("ARITH-T3-BALANCE-UNCHECKABLE", "ARITH-T3-RESULTS-TOTAL-UNCHECKABLE")
                .doesNotContain("ARITH-T3-BALANCE", "ARITH-T3-BALANCE-TOTAL", "ARITH-T3-RESULTS-TOTAL");
    }

    @Test
    void samples000And003GiveNoDate() {
        for (String name : List.of("000_0b909c2a4ee59f11.txt", "003_a08e251a7459b3ee.txt")) {
            Assessment a = Samples.assess(name);
            assertThat(ruleIds(a)).as(name).contains("TIME-DATE-MISSING");
            assertThat(check(a, "T1").outcome()).as(name).isEqualTo("not_applicable");
        }
    }

    @Test
    void sample001IsOnTimeAndItsNarrativeNumbersDisagreeWithTheTable() {
        Assessment a = Samples.assess("001_0f3a3c160bddc4d1.txt");

        assertThat(a.findings()).noneMatch(f -> f.category().equals("timeliness"));
        assertThat(check(a, "T1").outcome()).isEqualTo("passed");
        assertThat(ruleIds(a)).contains("NARR-HANDLED-MISMATCH", "NARR-NOT-PROCESSED-MISMATCH");
        Finding handled = a.findings().stream().filter(f -> f.ruleId().equals("NARR-HANDLED-MISMATCH")).findFirst().orElseThrow();
        assertThat(handled.evidence().expected()).isEqualTo(291.0);
        assertThat(handled.evidence().actual()).isEqualTo(281.0);
        assertThat(handled.evidence().line()).isEqualTo(6);
    }

    @Test
    void aStatisticalPeriodOfAnotherYearIsFlagged() {
        // sample 004's title says 2023; its period is made to say 2022
        Assessment a = Samples.assessEdited("004_e93a6eea8c407df3.txt", "统计时限为 2023 年 1 月 1 日", "统计时限为 2022 年 1 月 1 日");

        assertThat(ruleIds(a)).contains("TIME-PERIOD-WRONG-YEAR");
        assertThat(ruleIds(Samples.assess("004_e93a6eea8c407df3.txt"))).doesNotContain("TIME-PERIOD-WRONG-YEAR");
    }

    @Test
    void sample003MixesSubPartNumberingStyles() {
        assertThat(ruleIds(Samples.assess("003_a08e251a7459b3ee.txt"))).contains("COMP-SUBPART-NUMBERING");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplesHaveNoFalseArithmeticFinding(String name) {
        // an equation that does not hold, where the report does not; rows the report left out are not that
        assertThat(Samples.assess(name).findings())
                .noneMatch(f -> f.category().equals("arithmetic") && f.isErrorOrWarning()
                        && !f.ruleId().endsWith("-UNCHECKABLE") && !f.ruleId().endsWith("-ABSENT"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyDeductionIsExplainedByAFinding(String name) {
        Assessment a = Samples.assess(name);
        Map<String, Double> deducted = a.findings().stream()
                .collect(Collectors.groupingBy(Finding::check, Collectors.summingDouble(Finding::deduction)));
        for (CheckResult check : a.checks()) {
            if (check.earned() != null) {
                assertThat(check.points() - check.earned()).as("check %s", check.id())
                        .isCloseTo(deducted.getOrDefault(check.id(), 0.0), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(a.findings()).allSatisfy(f -> {
            assertThat(f.message()).isNotBlank();
            assertThat(f.category()).isIn("completeness", "timeliness", "arithmetic", "narrative");
        });
    }

    @Test
    void aCleanReportScoresHigherThanADefectiveOne() {
        Assessment clean = Samples.assess("001_0f3a3c160bddc4d1.txt");
        Assessment defective = Samples.assessEdited("001_0f3a3c160bddc4d1.txt", "(七)总计 |\n287 |", "(七)总计 |\n290 |");

        assertThat(defective.score()).isLessThan(clean.score());
        assertThat(defective.findings()).anyMatch(f -> f.ruleId().equals("ARITH-T3-RESULTS-TOTAL")
                && "natural_person".equals(f.evidence().column()) && f.evidence().actual() == 290.0);
    }

    static CheckResult check(Assessment a, String id) {
        return a.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
