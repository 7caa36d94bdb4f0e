package org.nianbao.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class RuleSetLoaderTest {

    @TempDir
    Path dir;

    private void copyRules() {
        Samples.copyRules(dir);
    }

    @Test
    void buildsTheProjectRulesWithACheckAndSeverityOnEveryRule() {
        RuleSet rules = RuleSetLoader.load(Samples.RULES);

        assertThat(rules.rules()).hasSizeGreaterThan(40);
        assertThat(rules.rules()).allSatisfy(r -> {
            assertThat(r.check()).matches("[TCAN]\\d");
            assertThat(r.severity()).isIn("error", "warning", "info");
        });
        assertThat(rules.rules()).extracting(RuleInfo::category)
                .contains("completeness", "timeliness", "arithmetic", "narrative");
        assertThat(rules.version()).hasSize(12);
    }

    @Test
    void reportsASyntaxErrorWithItsFileAndLine() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("broken.drl"), """
                package rules.broken;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                rule "BROKEN"
                    @check("C1") @severity("error")
                when
                    Report(year >= )
                then
                end
                """);

        assertThatThrownBy(() -> RuleSetLoader.load(dir))
                .isInstanceOfSatisfying(InvalidRuleSet.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("broken.drl");
                            assertThat(p.line()).isEqualTo(8);
                        }));
    }

    @Test
    void refusesARuleNamingAnUnknownField() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("unknown.drl"), """
                package rules.unknown;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                rule "UNKNOWN-FIELD"
                    @check("C1") @severity("error")
                when
                    Report(colour == "red")
                then
                end
                """);

        assertThatThrownBy(() -> RuleSetLoader.load(dir))
                .isInstanceOfSatisfying(InvalidRuleSet.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.file()).isEqualTo("unknown.drl")));
    }

    @Test
    void refusesARuleWithoutItsCheck() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("nocheck.drl"), """
                package rules.nocheck;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                rule "NO-CHECK"
                when
                    Report()
                then
                end
                """);

        assertThatThrownBy(() -> RuleSetLoader.load(dir)).isInstanceOf(InvalidRuleSet.class).hasMessageContaining("NO-CHECK");
    }

    @Test
    void aRuleThatFailsWhileRunningIsNamedAndFailsTheRuleTests() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("failing.drl"), """
                package rules.failing;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                rule "FAILING-RULE"
                    @check("C1") @severity("error")
                when
                    Report()
                then
                    findings.report(drools, String.valueOf(Integer.parseInt("不是数字")), "无");
                end
                """);
        RuleSet rules = RuleSetLoader.load(dir);
        var assessor = new org.nianbao.assessment.Assessor(rules, org.nianbao.scoring.ScorecardLoader.load(Samples.SCORECARD));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assessor.assess("000", Samples.bytes("000_0b909c2a4ee59f11.txt"),
                        org.nianbao.assessment.AssessmentOptions.NONE))
                .isInstanceOf(RuleFailure.class).hasMessageContaining("FAILING-RULE");
        var results = org.nianbao.policy.RuleCases.run(assessor, Samples.RULES);
        // every case that runs the rules fails; only the phrasebook's table labels, read without the rules, pass
        assertThat(results).filteredOn(r -> !r.passed()).hasSizeGreaterThan(400)
                .allSatisfy(r -> assertThat(r.failures()).anySatisfy(f -> assertThat(f).contains("FAILING-RULE")));
        assertThat(results).filteredOn(org.nianbao.policy.RuleCases.Result::passed)
                .allSatisfy(r -> assertThat(r.name()).contains("（row_label）"));
    }

    @Test
    void aNewRuleFileChangesTheAssessmentWithoutRebuilding() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("extra.drl"), """
                package rules.narrative;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                // 新增：第六部分不能只写「无」
                rule "NARR-SECTION6-EMPTY"
                    @check("N5") @severity("warning")
                when
                    $s : Section(number == 6, endLine - line <= 2)
                then
                    findings.text(drools, 6, $s.line(), $s.title(), "第六部分只有一两行", "写明其他需要报告的事项");
                end
                """);
        RuleSet rules = RuleSetLoader.load(dir);
        var assessor = new org.nianbao.assessment.Assessor(rules, org.nianbao.scoring.ScorecardLoader.load(Samples.SCORECARD));

        var a = assessor.assess("000", Samples.bytes("000_0b909c2a4ee59f11.txt"), org.nianbao.assessment.AssessmentOptions.NONE);

        assertThat(a.findings()).anyMatch(f -> f.ruleId().equals("NARR-SECTION6-EMPTY") && f.category().equals("narrative"));
        assertThat(rules.version()).isNotEqualTo(RuleSetLoader.load(Samples.RULES).version());
    }
}
