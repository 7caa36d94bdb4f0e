package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;

/**
 * A rule may only read facts and record findings: anything else is refused with its file, line and construct before
 * anything is compiled, so nothing of it ever runs.
 */
class ClosedRuleLanguageTest {

    @TempDir
    Path dir;

    private static final String HEAD = "package rules.extra;\nimport org.nianbao.report.*;\nglobal org.nianbao.rules.Findings findings;\n";

    private InvalidRuleSet refused(String drl) throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
        Files.writeString(rules.resolve("extra.drl"), HEAD + drl);
        InvalidRuleSet e = catchThrowableOfType(InvalidRuleSet.class, () -> RuleSetLoader.load(rules));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("extra.drl"));
        return e;
    }

    private static String rule(String when, String then) {
        return "rule \"X\"\n    @check(\"C1\") @severity(\"info\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void aConsequenceThatWritesAFileIsRefusedAndNothingIsWritten() throws IOException {
        Path target = dir.resolve("written.txt");
        InvalidRuleSet e = refused(rule("Report()",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + target + "\"), \"x\");"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("java.nio.file.Files");
        });
        assertThat(target).doesNotExist();
    }

    @Test
    void aConsequenceThatEndsTheProcessIsRefused() throws IOException {
        assertThat(refused(rule("Report()", "System.exit(1);")).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("System"));
    }

    @Test
    void reflectionIsRefused() throws IOException {
        assertThat(refused(rule("$r : Report()", "Object c = $r.getClass().getClassLoader();")).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("getClass"));
    }

    @Test
    void aFunctionThatLoopsForeverInAConditionIsRefused() throws IOException {
        InvalidRuleSet e = refused("function boolean spin() { while (true) { } }\n"
                + rule("Report(spin())", "findings.report(drools, \"x\", null);"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.message()).contains("function spin");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void aLoopWrittenInAConditionIsRefused() throws IOException {
        assertThat(refused(rule("Report(java.util.stream.Stream.iterate(1, x -> x).count() > 0)",
                "findings.report(drools, \"x\", null);")).problems()).isNotEmpty();
    }

    @Test
    void aStaticMethodOfRuntimeInAConditionIsRefused() throws IOException {
        assertThat(refused(rule("Report(java.lang.Runtime.getRuntime().availableProcessors() > 0)",
                "findings.report(drools, \"x\", null);")).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("Runtime"));
    }

    @Test
    void importsGlobalsDeclarationsQueriesAndMvelAreRefused() throws IOException {
        InvalidRuleSet e = refused("import java.io.File;\nglobal java.util.List sink;\ndeclare Holder value : String end\n"
                + "query leak() Report() end\n"
                + "rule \"Y\"\n    @check(\"C1\") @severity(\"info\")\n    dialect \"mvel\"\nwhen\n    Report()\nthen\nend\n");

        assertThat(e.problems()).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("import java.io.File"))
                .anySatisfy(m -> assertThat(m).contains("global java.util.List sink"))
                .anySatisfy(m -> assertThat(m).contains("declare Holder"))
                .anySatisfy(m -> assertThat(m).contains("query leak"))
                .anySatisfy(m -> assertThat(m).contains("dialect"));
    }

    @Test
    void theProjectsOwnRulesAreAllInsideTheLanguage() {
        assertThat(RuleSetLoader.load(Samples.RULES).rules()).hasSizeGreaterThan(50);
    }

    @Test
    void aRuleThatReadsFactsAndRecordsAFindingIsAccepted() throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("ok")));
        Files.writeString(rules.resolve("extra.drl"), HEAD + "import static org.nianbao.rules.Labels.*;\n"
                + rule("$c : TableCell(table == \"3\", column in (\"total\", \"natural_person\"), value != null, value > 100)",
                "double v = $c.value();\n    String label = rowLabel(\"3\", $c.row());\n"
                        + "    if (v > 1000) { findings.cell(drools, $c, label + \" 很大\", null, 0); }"));

        assertThat(RuleSetLoader.load(rules).rules()).anyMatch(r -> r.id().equals("X"));
    }

    @Test
    void aConditionNestedThreeThousandDeepIsRefusedAtItsLineNotOverflowed() throws IOException {
        String deep = "not( ".repeat(3000) + "Report()" + " )".repeat(3000);
        InvalidRuleSet e = refused(rule(deep, "findings.report(drools, \"x\", null);"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.message()).contains("嵌套超过");
            assertThat(p.line()).isEqualTo(7);
        });
    }

    @Test
    void anExpressionThreeThousandTermsLongIsRefusedNotOverflowed() throws IOException {
        String longSum = "value > " + "1 + ".repeat(3000) + "1";
        InvalidRuleSet e = refused(rule("TableCell(" + longSum.replace("1 + ", "1 +\n") + ")",
                "findings.report(drools, \"x\", null);"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.message()).contains("「when」之后有超过 " + RuleSections.MOST_OPERATIONS + " 个运算");
            assertThat(p.line()).isEqualTo(6);
        });
    }

    @Test
    void aConsequenceThreeThousandTermsLongIsRefusedByItsCount() throws IOException {
        String longSum = "1 +\n".repeat(3000) + "1";
        InvalidRuleSet e = refused(rule("Report()", "findings.report(drools, \"x\", String.valueOf(" + longSum + "));"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("「then」之后有超过"));
    }

    @Test
    void aKeywordsNameWithinALineBeginsNoNewPartOfTheCount() {
        String drl = HEAD + rule("TableCell(" + "value + end +\n".repeat(200) + "1 > 0)", "findings.report(drools, \"x\", null);");
        assertThat(RuleSections.tooLong("extra.drl", drl)).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(6));
    }

    @Test
    void aLineOfAConsequenceBeginningWithAKeywordsNameBeginsNoNewPartOfTheCount() {
        String then = "int when = 1;\n    int x = 0\n" + "when + when + when + when + when + when + when + when\n".repeat(60)
                + "    ;";
        String drl = HEAD + rule("Report()", then);
        assertThat(RuleSections.tooLong("extra.drl", drl)).singleElement()
                .satisfies(p -> assertThat(p.line()).as("the line of 「then」").isEqualTo(8));
    }

    @Test
    void operationsInStringsAndCommentsAreNotCounted() throws IOException {
        String plus = "\"+\" + ".repeat(200) + "\"\"";
        String comment = "// " + "+ ".repeat(400) + "\n    ";
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
        Files.writeString(rules.resolve("extra.drl"), HEAD + rule(comment + "Report()",
                "findings.report(drools, \"x\" + " + plus + ", null);"));
        assertThat(RuleSections.tooLong("extra.drl", Files.readString(rules.resolve("extra.drl")))).isEmpty();
    }

    @Test
    void aRuleMatchingMoreFactsTogetherThanTheLimitIsRefused() throws IOException {
        String many = "TableCell()\n    ".repeat(RuleLanguage.MOST_PATTERNS + 1);
        assertThat(refused(rule(many, "findings.report(drools, \"x\", null);")).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("最多 " + RuleLanguage.MOST_PATTERNS + " 个条件"));
    }

    @Test
    void anAttributeHoldingAnExpressionIsRefused() throws IOException {
        String drl = "rule \"X\"\n    @check(\"C1\") @severity(\"info\")\n    salience ( 1 + 2 )\nwhen\n    Report()\nthen\n"
                + "    findings.report(drools, \"x\", null);\nend\n";
        assertThat(refused(drl).problems()).anySatisfy(p -> assertThat(p.message()).contains("优先级只能写整数"));
    }

    @Test
    void aUnicodeEscapeIsRefusedWhereverItIsEvenInAComment() throws IOException {
        InvalidRuleSet e = refused(rule("Report()", "findings.report(drools, \"x\", null); // \\u000a"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.message()).contains("\\u");
            assertThat(p.line()).isEqualTo(9);
        });
    }

    @Test
    void aUnicodeEscapeInTheStatementsIsRefusedToo() throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
        Path statements = rules.resolve(RuleSetLoader.STATEMENTS_FILE);
        Files.writeString(statements, Files.readString(statements) + "# \\u0041\n");
        InvalidRuleSet e = catchThrowableOfType(InvalidRuleSet.class, () -> RuleSetLoader.load(rules));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo(RuleSetLoader.STATEMENTS_FILE));
    }

    @Test
    void theMatchesOperatorIsRefusedAndTextsMatchesOffered() throws IOException {
        assertThat(refused(rule("Report(agency matches \"(a|a)*b\")", "findings.report(drools, \"x\", null);")).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("Texts.matches"));
    }
}
