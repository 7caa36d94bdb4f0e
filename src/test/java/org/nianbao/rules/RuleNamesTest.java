package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.policy.Validation;

/**
 * A table, row, column, statement kind or check a rule names that does not exist would make the rule match nothing
 * and never fire: it is refused at its line with the nearest valid names.
 */
class RuleNamesTest {

    @TempDir
    Path dir;

    private Path rulesWith(String file, String from, String to) throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
        String text = Files.readString(rules.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(rules.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return rules;
    }

    private RuleProblem refusedOnce(Path rules) {
        InvalidRuleSet e = catchThrowableOfType(InvalidRuleSet.class, () -> RuleSetLoader.load(rules));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aMisspelledRowIsRefusedAtItsLineWithTheRowMeant() throws IOException {
        RuleProblem p = refusedOnce(rulesWith("arithmetic.drl", "row == \"carried_over\"", "row == \"carried_ovr\""));

        assertThat(p.file()).isEqualTo("arithmetic.drl");
        assertThat(p.line()).isEqualTo(lineOf("arithmetic.drl", "row == \"carried_over\""));
        assertThat(p.message()).contains("carried_ovr", "表3", "是不是「carried_over」", "did you mean carried_over");
    }

    @Test
    void aRowOfAnotherTableIsRefusedForThisTable() throws IOException {
        // 「review」 is a row of table 四, not of table 三
        RuleProblem p = refusedOnce(rulesWith("arithmetic.drl", "row == \"carried_over\"", "row == \"review\""));

        assertThat(p.message()).contains("表3没有名为「review」的行");
    }

    @Test
    void aMisspelledRowGivenToAColumnIsRefusedAtItsLine() throws IOException {
        RuleProblem p = refusedOnce(rulesWith("arithmetic.drl", "value(\"new_received\")", "value(\"new_recieved\")"));

        assertThat(p.line()).isEqualTo(lineOf("arithmetic.drl", "value(\"new_received\")"));
        assertThat(p.message()).contains("TableColumn(value(\"new_recieved\"))", "表3没有名为「new_recieved」的行",
                "是不是「new_received」");
    }

    @Test
    void aNameGivenToAnotherFactsCallIsCheckedAsThatFactsNotThePatterns() throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
        Files.writeString(rules.resolve("extra.drl"), """
                package rules.extra;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                rule "EXTRA-TOTAL-AGAIN"
                    @check("A3") @severity("info")
                when
                    $column : TableColumn(table == "3", column == "total")
                    TableRow(table == "3", row == "results_total", value("total") != $column.value("results_total"))
                then
                    findings.report(drools, "总计不一致", "核对");
                end
                """);

        assertThat(RuleSetLoader.load(rules).rules()).anyMatch(r -> r.id().equals("EXTRA-TOTAL-AGAIN"));
    }

    @Test
    void aMisspelledColumnInARowsSumIsRefused() throws IOException {
        RuleProblem p = refusedOnce(rulesWith("arithmetic.drl", "\"legal_service_org\", \"other_org\")", "\"legal_servce_org\", \"other_org\")"));

        assertThat(p.message()).contains("TableRow(sumOf(\"legal_servce_org\"))", "表3没有名为「legal_servce_org」的列",
                "是不是「legal_service_org」");
    }

    @Test
    void aMisspelledColumnInAValueListIsRefused() throws IOException {
        RuleProblem p = refusedOnce(rulesWith("arithmetic.drl", "column in (\"issued\", \"made\")", "column in (\"issued\", \"mde\")"));

        assertThat(p.message()).contains("表2没有名为「mde」的列", "是不是「made」");
    }

    @Test
    void aMisspelledStatementKindIsRefusedWithTheKindMeant() throws IOException {
        RuleProblem p = refusedOnce(rulesWith("narrative.drl", "Statement(kind == \"information_fee\"",
                "Statement(kind == \"informaton_fee\""));

        assertThat(p.file()).isEqualTo("narrative.drl");
        assertThat(p.message()).contains("informaton_fee", "是不是「information_fee」");
    }

    @Test
    void aStatementKindIsValidOnceStatementsYamlDefinesIt() throws IOException {
        Path rules = rulesWith("narrative.drl", "Statement(kind == \"information_fee\"", "Statement(kind == \"fee_waiver\"");
        assertThat(refusedOnce(rules).message()).contains("fee_waiver");

        Files.writeString(rules.resolve("statements.yaml"), Files.readString(rules.resolve("statements.yaml"))
                + "  - kind: fee_waiver\n    name: 减免信息处理费\n    sections: [6]\n    pattern: \"减免.{0,10}信息处理费\"\n");
        assertThat(RuleSetLoader.load(rules).rules()).isNotEmpty();
    }

    @Test
    void aMisspelledNameInAChineseSentenceIsRefused() throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
        Files.writeString(rules.resolve("extra.dslr"), """
                package rules.extra;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;
                expander nianbao.dsl

                rule "DSL-FEE-ROW"
                    @check("A3") @severity("warning")
                when
                    表3的"other_unpaid_fees"行"total"列大于0
                then
                    在该单元格记录问题"有逾期未缴费的申请",建议"核对收费通知"
                end
                """);
        RuleProblem p = refusedOnce(rules);

        assertThat(p.file()).isEqualTo("extra.dslr");
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.message()).contains("other_unpaid_fees", "是不是「other_unpaid_fee」");
    }

    @Test
    void aCheckTheScorecardDoesNotHaveIsRefusedWithTheChecksItHas() throws IOException {
        Path rules = rulesWith("arithmetic.drl", "@check(\"A1\")", "@check(\"Z9\")");

        Validation v = Validation.of(rules, Samples.SCORECARD);

        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("arithmetic.drl");
            assertThat(p.message()).contains("Z9", "是不是「A1");
        });
    }

    @Test
    void theRulesInForceNameOnlyWhatExists() {
        assertThat(RuleSetLoader.load(Samples.copyRules(dir)).rules()).hasSizeGreaterThan(50);
    }

    @Test
    void theNearestNamesAreThoseATypoIsOf() {
        var rows = java.util.List.of("new_received", "carried_over", "carried_forward", "results_total");
        assertThat(RuleNames.nearest("new_recieved", rows)).containsExactly("new_received");
        assertThat(RuleNames.nearest("carried_foward", rows)).containsExactly("carried_forward");
        assertThat(RuleNames.nearest("something_else", rows)).isEmpty();
    }

    private static int lineOf(String file, String text) throws IOException {
        var lines = Files.readAllLines(Path.of("rules", file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
