package org.nianbao.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.scoring.ScorecardLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Rules kept as a spreadsheet decision table (rules/required-statements.drl.xlsx). */
class DecisionTableTest {

    private static final String TABLE = "required-statements.drl.xlsx";

    @TempDir
    Path dir;

    private Path copyOfRules() {
        return Samples.copyRules(dir);
    }

    /** Changes the cell of the row whose rule id is {@code ruleId}, in the column headed {@code header}. */
    private void editRow(String ruleId, String header, String value) throws IOException {
        Path file = dir.resolve(TABLE);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            int column = -1;
            Row target = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = cell.getStringCellValue();
                    if (text.equals(header)) {
                        column = cell.getColumnIndex();
                    }
                    if (text.equals(ruleId)) {
                        target = row;
                    }
                }
            }
            target.getCell(column).setCellValue(value);
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
    }

    private Assessment assess(String sample) {
        Assessor assessor = new Assessor(RuleSetLoader.load(dir), ScorecardLoader.load(Samples.SCORECARD));
        return assessor.assess(sample, Samples.bytes(sample), AssessmentOptions.NONE);
    }

    @Test
    void theTableIsPartOfTheRulesetWithItsRowsAsRules() {
        RuleSet rules = RuleSetLoader.load(Samples.RULES);

        assertThat(rules.rules()).filteredOn(r -> r.file().equals(TABLE))
                .extracting(RuleInfo::id, RuleInfo::check, RuleInfo::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("NARR-NO-INNOVATION", "N5", 12),
                        org.assertj.core.groups.Tuple.tuple("NARR-NO-KEY-POINTS", "N5", 10),
                        org.assertj.core.groups.Tuple.tuple("NARR-NO-PROPOSALS", "N5", 11));
    }

    @Test
    void aSheetIsOpenedOnceAndTheOneTheBuildCarriedNever() throws IOException {
        byte[] carried = Files.readAllBytes(Samples.RULES.resolve(TABLE));
        int before = DecisionTables.sheetsRead();

        String drl = DecisionTables.toDrl(TABLE, carried, new java.util.ArrayList<>());

        assertThat(DecisionTables.sheetsRead()).as("its DRL carried in the jar").isEqualTo(before);
        assertThat(drl).isEqualTo(new org.drools.decisiontable.SpreadsheetCompiler()
                .compile(new java.io.ByteArrayInputStream(carried), org.drools.decisiontable.InputType.XLS));

        copyOfRules();
        editRow("NARR-NO-INNOVATION", "适用于该年度及以后的报告", "2031");
        byte[] changed = Files.readAllBytes(dir.resolve(TABLE));
        String first = DecisionTables.toDrl(TABLE, changed, new java.util.ArrayList<>());
        String again = DecisionTables.toDrl(TABLE, changed, new java.util.ArrayList<>());

        assertThat(DecisionTables.sheetsRead()).as("a changed sheet, once").isEqualTo(before + 1);
        assertThat(again).isEqualTo(first).contains("2031").isNotEqualTo(drl);
    }

    @Test
    void aChangedRowChangesTheAssessmentWithNoRebuild() throws IOException {
        copyOfRules();
        String sample = "000_0b909c2a4ee59f11.txt";
        Assessment before = assess(sample);

        editRow("NARR-NO-INNOVATION", "适用于该年度及以后的报告", "2030"); // innovation is required from 2030 on only
        Assessment after = assess(sample);

        assertThat(before.findings()).anyMatch(f -> f.ruleId().equals("NARR-NO-INNOVATION"));
        assertThat(after.findings()).noneMatch(f -> f.ruleId().equals("NARR-NO-INNOVATION"));
        assertThat(after.score()).isGreaterThan(before.score());
    }

    @Test
    void aRowWithAnErrorIsReportedAtItsRow() throws IOException {
        copyOfRules();
        editRow("NARR-NO-PROPOSALS", "表述（statements.yaml 的 kind）, 应在第几部分", "proposals, )");

        assertThatThrownBy(() -> RuleSetLoader.load(dir))
                .isInstanceOfSatisfying(InvalidRuleSet.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(TABLE);
                            assertThat(p.line()).isEqualTo(11);
                            assertThat(p.message()).contains("第 11 行");
                        }));
    }

    @Test
    void anUnreadableSpreadsheetIsRefused() throws IOException {
        copyOfRules();
        Files.write(dir.resolve("broken.drl.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});

        assertThatThrownBy(() -> RuleSetLoader.load(dir))
                .isInstanceOfSatisfying(InvalidRuleSet.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("broken.drl.xlsx");
                            assertThat(p.message()).contains("决策表");
                        }));
    }
}
