package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;

/** The organ table is loaded with the ruleset, checked at its lines, and the names rules give from it are checked too. */
class OrganFileTest {

    @TempDir
    Path dir;

    private String organs() throws IOException {
        return Files.readString(dir.resolve("organs.yaml"), StandardCharsets.UTF_8);
    }

    private void write(String organs) throws IOException {
        Files.writeString(dir.resolve("organs.yaml"), organs, StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, String needle) {
        return OrganFile.lineOf(text, needle);
    }

    @Test
    void theProjectsTableLoadsWithTheRules() {
        RuleSet rules = RuleSetLoader.load(Samples.RULES);

        assertThat(rules.organs().kinds()).hasSizeGreaterThan(10);
        assertThat(rules.organs().duties()).extracting(d -> d.id()).contains("accountability_results", "no_rule_making");
        assertThat(rules.organs().unknown().deadline().getMonthValue()).isEqualTo(1);
    }

    @Test
    void aDeadlineThatIsNoDateIsToldAtItsKindsLine() throws IOException {
        Samples.copyRules(dir);
        String text = organs().replaceFirst("deadline: \"03-31\"", "deadline: \"3月31日\"");
        write(text);

        assertThatThrownBy(() -> RuleSetLoader.load(dir)).isInstanceOfSatisfying(InvalidRuleSet.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("organs.yaml");
                    assertThat(p.line()).isEqualTo(lineOf(text, "kind: provincial_government"));
                    assertThat(p.message()).contains("月-日", "3月31日");
                }));
    }

    @Test
    void aDutyNoEntryDefinesIsToldWithTheNearestOne() throws IOException {
        Samples.copyRules(dir);
        write(organs().replaceFirst("duties: \\[accountability_results, no_rule_making\\]",
                "duties: [acountability_results, no_rule_making]"));

        assertThatThrownBy(() -> RuleSetLoader.load(dir)).isInstanceOfSatisfying(InvalidRuleSet.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("organs.yaml");
                    assertThat(p.message()).contains("acountability_results", "是不是「accountability_results」");
                }));
    }

    @Test
    void aLevelOutsideTheThreeIsRefused() throws IOException {
        Samples.copyRules(dir);
        write(organs().replaceFirst("level: township", "level: street"));

        assertThatThrownBy(() -> RuleSetLoader.load(dir)).isInstanceOfSatisfying(InvalidRuleSet.class, e ->
                assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("government、department 或 township", "street")));
    }

    @Test
    void aRuleNamingAnOrganKindOrADutyThatDoesNotExistIsRefusedAtItsLine() throws IOException {
        Samples.copyRules(dir);
        Files.writeString(dir.resolve("typo.drl"), """
                package rules.typo;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                rule "TYPO-DUTY"
                    @check("C7") @severity("info")
                when
                    Organ(duties contains "acountability_results")
                then
                    findings.report(drools, "x", "y");
                end

                rule "TYPO-KIND"
                    @check("C7") @severity("info")
                when
                    Organ(kind == "street_ofice")
                then
                    findings.report(drools, "x", "y");
                end
                """);

        assertThatThrownBy(() -> RuleSetLoader.load(dir)).isInstanceOfSatisfying(InvalidRuleSet.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("typo.drl");
                assertThat(p.line()).isEqualTo(8);
                assertThat(p.message()).contains("是不是「accountability_results」");
            });
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.line()).isEqualTo(16);
                assertThat(p.message()).contains("是不是「street_office」");
            });
        });
    }

    @Test
    void aRulesetWrittenBeforeTheTableTakesTheOneTheApplicationCarries() throws IOException {
        Samples.copyRules(dir);
        Files.delete(dir.resolve("organs.yaml"));

        RuleSet rules = RuleSetLoader.load(dir);

        assertThat(rules.organs().classify("教育部").kind()).isEqualTo("state_council_department");
    }

    @Test
    void aRulesetStillUsingTheOldHelperBuildsAndAsksTheTableTheApplicationCarries() {
        assertThat(Organs.cannotMakeRules("平阳县人民政府", null)).isTrue();
        assertThat(Organs.cannotMakeRules("教育部", "department")).isFalse();
    }
}
