package org.nianbao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.RuleSetLoader;

/** The scorecard edited as a spreadsheet. */
class ScorecardSheetsTest {

    @TempDir
    Path dir;

    private static byte[] edit(byte[] xlsx, String sheet, String checkId, int column, String value) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : book.getSheet(sheet)) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(checkId)) {
                    row.getCell(column).setCellValue(value);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theDefaultScorecardSurvivesTheRoundTripThroughASpreadsheet() {
        Scorecard yaml = ScorecardLoader.load(Samples.SCORECARD);

        Scorecard sheet = ScorecardSheets.read(ScorecardSheets.write(yaml));

        assertThat(sheet.checks()).isEqualTo(yaml.checks());
        assertThat(sheet.grades()).isEqualTo(yaml.grades());
        assertThat(sheet.deadlines()).isEqualTo(yaml.deadlines());
        assertThat(sheet.caps()).isEqualTo(yaml.caps());
        assertThat(sheet.caps()).anySatisfy(c -> assertThat(c.tolerance()).isNotNull());
        assertThat(sheet.checks()).anySatisfy(c -> assertThat(c.needs()).containsExactly("year", "publishedOn"));
        assertThat(sheet.omittedByReport()).isEqualTo(yaml.omittedByReport()).isEqualTo("fail");
        assertThat(sheet.scope()).isEqualTo(yaml.scope());
        assertThat(sheet.id()).isEqualTo("default");
    }

    @Test
    void aNumberChangedInTheSpreadsheetChangesTheScore() throws IOException {
        byte[] xlsx = ScorecardSheets.write(ScorecardLoader.load(Samples.SCORECARD));
        Path file = dir.resolve("strict.xlsx");
        Files.write(file, edit(edit(xlsx, ScorecardSheets.CHECKS, "N4", 3, "20"), ScorecardSheets.CHECKS, "N4", 4, "20"));
        var rules = RuleSetLoader.load(Samples.RULES);
        String name = "004_e93a6eea8c407df3.txt";

        Assessment before = new Assessor(rules, ScorecardLoader.load(Samples.SCORECARD)).assess(name, Samples.bytes(name), AssessmentOptions.NONE);
        Assessment after = new Assessor(rules, ScorecardLoader.load(file)).assess(name, Samples.bytes(name), AssessmentOptions.NONE);

        assertThat(after.score()).isLessThan(before.score());
    }

    @Test
    void aWrongNumberIsReportedAtItsSheetAndRow() throws IOException {
        byte[] xlsx = ScorecardSheets.write(ScorecardLoader.load(Samples.SCORECARD));
        Path file = dir.resolve("wrong.xlsx");
        Files.write(file, edit(xlsx, ScorecardSheets.CHECKS, "T2", 3, "三分"));

        assertThatThrownBy(() -> ScorecardLoader.load(file))
                .isInstanceOf(InvalidScorecard.class)
                .hasMessageContaining("工作表「检查项」第 3 行");
    }

    @Test
    void readsDeductionsByRuleAndByBands() {
        var d = ScorecardSheets.deductions("COMP-DASH-CELL=0; TIME-PUBLISHED-LATE=0:0,7:4,30:7,*:10");

        assertThat(d.get("COMP-DASH-CELL").points()).isZero();
        assertThat(d.get("TIME-PUBLISHED-LATE").of(8.0)).isEqualTo(7.0);
        assertThat(d.get("TIME-PUBLISHED-LATE").of(45.0)).isEqualTo(10.0);
    }
}
