package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.reading.Readers;
import org.nianbao.report.ReportFacts;

/**
 * A ruleset keeps its sessions and hands each report one that an earlier report used: nothing of the earlier report
 * may be seen by the next, whether the earlier one ended normally, with a failing rule or at the firing limit.
 */
class RuleEngineTest {

    @TempDir
    Path dir;

    private static ReportFacts drawn(RuleSet rules, String sample) {
        return new ReportExtractor(rules.statements(), rules.organs()).extract(Readers.read(sample, Samples.bytes(sample)).text());
    }

    private static List<Object> facts(RuleSet rules, String sample) {
        return drawn(rules, sample).all();
    }

    /** The facts of a sample as if another agency had written it. */
    private static List<Object> factsOfAgency(RuleSet rules, String sample, String agency) {
        ReportFacts drawn = drawn(rules, sample);
        return drawn.withReport(drawn.report().withAgency(agency)).all();
    }

    /** The project's rules with one more file of {@code rules}, which may use the report's facts and {@code findings}. */
    private RuleSet projectRulesWith(String file, String rules) throws IOException {
        Samples.copyRules(dir);
        String name = file.substring(0, file.indexOf('.'));
        Files.writeString(dir.resolve(file), """
                package rules.%s;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                """.formatted(name) + rules);
        return RuleSetLoader.load(dir);
    }

    /** A rule on every report that reports {@code message}, with the given attributes. */
    private static String onEveryReport(String name, String attributes, String message) {
        return """
                rule "%s"
                    @check("C1") @severity("info")
                    %s
                when
                    Report()
                then
                    findings.report(drools, "%s", "无");
                end

                """.formatted(name, attributes, message);
    }

    private static List<String> described(RuleEngine.Evaluation e) {
        List<String> lines = new ArrayList<>();
        e.findings().forEach(f -> lines.add(f.ruleId() + " " + f.message()));
        lines.sort(null);
        return lines;
    }

    @Test
    void eachReportIsAssessedAsIfInAFreshSessionWhateverCameBefore() {
        RuleSet shared = RuleSetLoader.load(Samples.RULES);
        List<List<String>> alone = new ArrayList<>();
        for (String sample : Samples.NAMES) {
            // a ruleset of its own for each report: its sessions have seen no other report
            RuleSet own = RuleSetLoader.load(Samples.RULES);
            alone.add(described(RuleEngine.evaluate(own, facts(own, sample))));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < Samples.NAMES.size(); i++) {
                RuleEngine.Evaluation e = RuleEngine.evaluate(shared, facts(shared, Samples.NAMES.get(i)));
                assertThat(described(e)).as(Samples.NAMES.get(i) + ", round " + round).isEqualTo(alone.get(i));
            }
        }
        assertThat(alone).as("the samples differ, so a leftover would show").doesNotHaveDuplicates();
    }

    @Test
    void aRuleFailingOnOneReportLeavesTheNextReportUntouched() throws IOException {
        RuleSet rules = projectRulesWith("failing.drl", """
                rule "FAILS-FOR-ONE-AGENCY"
                    @check("C1") @severity("error")
                when
                    Report(agency == "出错的机关")
                then
                    findings.report(drools, String.valueOf(Integer.parseInt("不是数字")), "无");
                end
                """);
        String sample = Samples.NAMES.get(2);
        List<String> before = described(RuleEngine.evaluate(rules, facts(rules, sample)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> RuleEngine.evaluate(rules, factsOfAgency(rules, sample, "出错的机关")))
                    .isInstanceOf(RuleFailure.class).hasMessageContaining("FAILS-FOR-ONE-AGENCY");
            assertThat(described(RuleEngine.evaluate(rules, facts(rules, sample)))).isEqualTo(before);
        }
        assertThat(before).isNotEmpty().noneMatch(l -> l.startsWith("FAILS-FOR-ONE-AGENCY"));
    }

    @Test
    void aRuleMatchingWithoutEndIsStoppedAtTheFiringLimitAndTheNextReportIsUntouched() throws IOException {
        RuleSet rules = projectRulesWith("endless.drl", """
                rule "EVERY-PAIR-OF-CELLS"
                    @check("C1") @severity("info")
                when
                    Report(agency == "每一对单元格")
                    $a : TableCell()
                    $b : TableCell()
                then
                    findings.report(drools, "一对单元格", "无");
                end
                """);
        String sample = Samples.NAMES.get(0);
        List<String> before = described(RuleEngine.evaluate(rules, facts(rules, sample)));

        assertThatThrownBy(() -> RuleEngine.evaluate(rules, factsOfAgency(rules, sample, "每一对单元格")))
                .isInstanceOf(RuleFailure.class).hasMessageContaining("规则触发超过");
        assertThat(described(RuleEngine.evaluate(rules, facts(rules, sample)))).isEqualTo(before);
    }

    @Test
    void ofRulesInOneActivationGroupOnlyOneFires() throws IOException {
        RuleSet rules = projectRulesWith("group.drl",
                onEveryReport("FIRST-OF-GROUP", "activation-group \"one-of-two\" salience 10", "组内第一条")
                        + onEveryReport("SECOND-OF-GROUP", "activation-group \"one-of-two\"", "组内第二条"));

        List<String> found = described(RuleEngine.evaluate(rules, facts(rules, Samples.NAMES.get(0))));

        assertThat(found).filteredOn(l -> l.contains("-OF-GROUP")).containsExactly("FIRST-OF-GROUP 组内第一条");
    }

    @Test
    void aDisabledRuleARuleNoLongerInEffectAndARuleOfAnotherAgendaGroupDoNotFire() throws IOException {
        RuleSet rules = projectRulesWith("off.drl",
                onEveryReport("DISABLED", "enabled false", "停用的规则")
                        + onEveryReport("EXPIRED", "date-expires \"01-Jan-2001\"", "已失效的规则")
                        + onEveryReport("OTHER-AGENDA-GROUP", "agenda-group \"另一组\"", "另一议程组的规则")
                        + onEveryReport("IN-FORCE", "", "生效的规则"));

        List<String> found = described(RuleEngine.evaluate(rules, facts(rules, Samples.NAMES.get(0))));

        assertThat(found).filteredOn(l -> l.contains("规则")).containsExactly("IN-FORCE 生效的规则");
    }

    @Test
    void aRulesetTakesInOnlyTheKindsOfFactItsRulesAskAboutAndFindsTheSame() throws IOException {
        RuleSet all = RuleSetLoader.load(Samples.RULES);
        String drl = Files.readString(Samples.RULES.resolve("arithmetic.drl"));
        Path identities = Files.createDirectories(dir.resolve("identities"));
        Files.writeString(identities.resolve("arithmetic.drl"), drl.substring(0, drl.indexOf("\n// A5")));
        Files.copy(Samples.RULES.resolve("statements.yaml"), identities.resolve("statements.yaml"));
        RuleSet some = RuleSetLoader.load(identities);
        // one column of table 3 and one row of table 4 that do not add up
        String text = Samples.text("000_0b909c2a4ee59f11.txt")
                .replace("(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3")
                .replace("0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
        List<Object> facts = new ReportExtractor(all.statements(), all.organs()).extract(Readers.read("t.txt",
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).text()).all();

        assertThat(some.factTypes().names()).contains("TableRow", "TableColumn", "ExpectedRow").doesNotContain("TableCell", "Report");
        assertThat(all.factTypes().names()).contains("TableCell", "TableRow", "Report", "Statement", "Problem");
        List<String> bySome = RuleEngine.evaluate(some, facts).findings().stream().map(f -> f.ruleId() + " " + f.message()).sorted().toList();
        List<String> byAll = RuleEngine.evaluate(all, facts).findings().stream().filter(f -> f.check().compareTo("A5") < 0)
                .map(f -> f.ruleId() + " " + f.message()).sorted().toList();
        assertThat(bySome).isEqualTo(byAll).anyMatch(f -> f.startsWith("ARITH-T3-RESULTS-TOTAL"))
                .anyMatch(f -> f.startsWith("ARITH-T4-ROW-TOTAL"));
    }
}
