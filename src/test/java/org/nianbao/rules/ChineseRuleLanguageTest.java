package org.nianbao.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.scoring.ScorecardLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Rules written in the Chinese rule language (rules/nianbao.dsl + .dslr files). */
class ChineseRuleLanguageTest {

    @TempDir
    Path dir;

    /** A copy of the project's rules with one more file. */
    private Path rulesWith(String fileName, String content) throws IOException {
        if (!Files.exists(dir.resolve("statements.yaml"))) {
            Samples.copyRules(dir);
        }
        Files.writeString(dir.resolve(fileName), content);
        return dir;
    }

    private static Assessment assess(Path rules, String sample, String from, String to) {
        Assessor assessor = new Assessor(RuleSetLoader.load(rules), ScorecardLoader.load(Samples.SCORECARD));
        String text = Samples.text(sample);
        return assessor.assess(sample, text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                AssessmentOptions.NONE);
    }

    @Test
    void aNewChineseRuleChangesTheAssessmentWithNoRebuild() throws IOException {
        Path rules = rulesWith("problems.dslr", Files.readString(Samples.RULES.resolve("examples/problems.dslr")));
        String sample = "004_e93a6eea8c407df3.txt"; // section 五 lists one problem only

        Assessment before = Samples.assess(sample);
        Assessment after = assess(rules, sample, "", "");

        var finding = after.findings().stream().filter(f -> f.ruleId().equals("DSL-PROBLEMS-TOO-FEW")).findFirst().orElseThrow();
        assertThat(finding.check()).isEqualTo("N2");
        assertThat(finding.deduction()).isEqualTo(1.0); // 「扣1分」 in the rule
        assertThat(finding.evidence().section()).isEqualTo(5);
        assertThat(after.score()).isLessThan(before.score());
    }

    private static String labelRule(String when) {
        return """
                package rules.labels;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;
                expander nianbao.dsl

                rule "DSL-LABELS"
                    @check("A5") @severity("info")
                when
                    %s
                then
                    在该单元格记录问题“按标签找到的格子”，建议“无”
                end
                """.formatted(when);
    }

    @Test
    void aSentenceNamesRowsAndColumnsAsTheFormatPrintsThem() throws IOException {
        Path fires = rulesWith("labels.dslr", labelRule("表3的「本年新收」行「自然人」列大于0"));
        var finding = assess(fires, "000_0b909c2a4ee59f11.txt", "", "").findings().stream()
                .filter(f -> f.ruleId().equals("DSL-LABELS")).findFirst().orElseThrow();
        assertThat(finding.evidence().row()).isEqualTo("new_received");
        assertThat(finding.evidence().column()).isEqualTo("natural_person");

        Path silent = rulesWith("labels.dslr", labelRule("表3的“一、本年新收政府信息公开申请数量”行“商业企业”列大于0"));
        assertThat(assess(silent, "000_0b909c2a4ee59f11.txt", "", "").findings())
                .noneMatch(f -> f.ruleId().equals("DSL-LABELS")); // no application from a 商业企业
    }

    @Test
    void aMessageQuotesALabelAsItIsWritten() {
        String rule = labelRule("全文没有说明「信息处理费收取情况」").replace("按标签找到的格子", "未说明「信息处理费收取情况」");

        String resolved = ChineseNames.resolve(rule, java.util.Map.of("information_fee", "信息处理费收取情况"));

        assertThat(resolved).contains("全文没有说明\"information_fee\"", "未说明「信息处理费收取情况」");
    }

    @Test
    void aLabelThatNamesNothingOrMoreThanOneThingIsRefusedAtItsLine() throws IOException {
        for (String sentence : List.of("表3的「本年新增」行「自然人」列大于0", "表4的「行政诉讼」行「总计」列大于0")) {
            Path rules = rulesWith("labels.dslr", labelRule(sentence));
            InvalidRuleSet e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRuleSet.class, () -> RuleSetLoader.load(rules));
            assertThat(e).as(sentence).isNotNull();
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("labels.dslr");
                assertThat(p.line()).isEqualTo(9);
                assertThat(p.message()).containsPattern("表[34]没有名为「(本年新增|行政诉讼)」的行");
            });
        }
    }

    @Test
    void aRuleFamilyInForceIsWrittenInTheChineseLanguage() {
        var rule = RuleSetLoader.load(Samples.RULES).rules().stream().filter(r -> r.id().equals("NARR-NO-INFO-FEE")).findFirst().orElseThrow();
        assertThat(rule.file()).endsWith(".dslr");
        assertThat(Samples.assess("004_e93a6eea8c407df3.txt").findings()).anyMatch(f -> f.ruleId().equals("NARR-NO-INFO-FEE"));
        assertThat(Samples.assess("000_0b909c2a4ee59f11.txt").findings()).noneMatch(f -> f.ruleId().equals("NARR-NO-INFO-FEE"));
    }

    @Test
    void theTable3BalanceSentenceFindsTheColumnAndDeductsWhatTheRuleSays() throws IOException {
        Path rules = rulesWith("problems.dslr", Files.readString(Samples.RULES.resolve("examples/problems.dslr")));

        Assessment a = assess(rules, "000_0b909c2a4ee59f11.txt",
                "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 2");

        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("DSL-T3-BALANCE"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.evidence().column()).isEqualTo("total");
                    assertThat(f.deduction()).isEqualTo(2.0);
                    assertThat(f.message()).isEqualTo("表3某一列第一项加第二项不等于第三项加第四项");
                });
    }

    @Test
    void keepsChinesePunctuationInsideMessages() throws IOException {
        Path rules = rulesWith("fee.dslr", """
                package rules.narrative;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;
                expander nianbao.dsl

                rule "DSL-FEE-STATEMENT"
                    @check("N4") @severity("warning")
                when
                    报告年度在2021年及以后
                    全文说明了“information_fee”
                then
                    记录问题“已说明信息处理费：请核对金额，并与收费通知一致。”，建议“无需修改”
                end
                """);

        Assessment a = assess(rules, "000_0b909c2a4ee59f11.txt", "", "");

        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("DSL-FEE-STATEMENT"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("已说明信息处理费：请核对金额，并与收费通知一致。"));
    }

    @Test
    void aSentenceTheLanguageDoesNotKnowIsRefusedWithItsFile() throws IOException {
        Path rules = rulesWith("unknown.dslr", """
                package rules.narrative;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;
                expander nianbao.dsl

                rule "DSL-UNKNOWN"
                    @check("N5") @severity("info")
                when
                    报告的封面是红色的
                then
                    记录问题“封面”，建议“无”
                end
                """);

        assertThatThrownBy(() -> RuleSetLoader.load(rules))
                .isInstanceOfSatisfying(InvalidRuleSet.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.file()).isEqualTo("unknown.dslr")));
    }

    @Test
    void normalisesFullWidthPunctuationOnlyOutsideQuotes() {
        assertThat(DslText.normalize("记录问题“甲，乙：丙”，建议“丁”（戊）"))
                .isEqualTo("记录问题\"甲，乙：丙\",建议\"丁\"(戊)");
    }

    /** Every rule example in rules/README.md compiles with the project's rules and fires where it should. */
    @Test
    void theExamplesOfTheRulesGuideWork() throws IOException {
        String guide = Files.readString(Samples.RULES.resolve("README.md"));
        Matcher block = Pattern.compile("```(drl|dslr)\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            examples.add(block.group(2));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        int n = 0;
        for (String example : examples) {
            String ext = example.contains("expander nianbao.dsl") ? ".dslr" : ".drl";
            rulesWith("example" + (n++) + ext, example);
        }
        // the statements the guide adds to statements.yaml first (a rule may only name a statement that is defined)
        Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        while (yaml.find()) {
            String entry = yaml.group(1).stripTrailing().stripIndent();
            if (!entry.startsWith("- kind:")) {
                continue; // a scorecard snippet
            }
            Files.writeString(dir.resolve("statements.yaml"), Files.readString(dir.resolve("statements.yaml"))
                    + entry.indent(2));
        }
        RuleSet rules = RuleSetLoader.load(dir);
        Assessor assessor = new Assessor(rules, ScorecardLoader.load(Samples.SCORECARD));
        List<String> fired = new ArrayList<>();
        for (String sample : Samples.NAMES) {
            assessor.assess(sample, Samples.bytes(sample), AssessmentOptions.NONE).findings().forEach(f -> fired.add(f.ruleId()));
        }
        // and a sample whose table 3 does not balance, for the examples about the 勾稽关系
        String unbalanced = Samples.text("000_0b909c2a4ee59f11.txt").replace(
                "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 2");
        assessor.assess("unbalanced", unbalanced.getBytes(java.nio.charset.StandardCharsets.UTF_8), AssessmentOptions.NONE)
                .findings().forEach(f -> fired.add(f.ruleId()));
        Matcher id = Pattern.compile("rule \"([^\"]+)\"").matcher(String.join("\n", examples));
        while (id.find()) {
            assertThat(fired).as("example rule %s fires on a sample", id.group(1)).contains(id.group(1));
        }
    }
}
