package org.nianbao.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;


class RulesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RulesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path copyOfRules() throws IOException {
        return Samples.copyRules(Files.createDirectories(dir.resolve("rules")));
    }

    @Test
    void validatesTheProjectRules() {
        assertThat(run("validate")).isZero();
        int rules = org.nianbao.rules.RuleSetLoader.load(Samples.RULES).rules().size();
        assertThat(out()).contains("规则有效", rules + " 条规则");
    }

    @Test
    void refusesABrokenRuleWithItsFileAndLine() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("broken.drl"), """
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

        assertThat(run("validate", "--rules", rules.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.drl:8");
    }

    @Test
    void tellsASentenceTheRuleLanguageDoesNotHaveInChineseAtItsLine() throws IOException {
        Path rules = copyOfRules();
        Path fee = rules.resolve("information-fee.dslr");
        Files.writeString(fee, Files.readString(fee).replace("全文没有说明「信息处理费收取情况」", "全文未说明「信息处理费收取情况」"));

        assertThat(run("validate", "--rules", rules.toString())).isEqualTo(1);
        String told = err.toString(StandardCharsets.UTF_8);
        assertThat(told.lines().filter(l -> l.contains("information-fee.dslr:12")).findFirst().orElse(""))
                .contains("「全文未说明「信息处理费收取情况」」不是规则语言中的句子", "全文没有说明「信息处理费收取情况」");
        assertThat(told.indexOf("不是规则语言中的句子")).as("told before the parser's own message")
                .isLessThan(told.indexOf("Unable to expand"));
        assertThat(told.lines().filter(l -> l.contains("Unable to expand"))).allSatisfy(l -> assertThat(l).contains("（详细信息）"));
    }

    @Test
    void refusesARuleThatCountsAgainstACheckTheScorecardLacks() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("extra.drl"), """
                package rules.extra;
                import org.nianbao.report.*;
                global org.nianbao.rules.Findings findings;

                // 一条引用了不存在的检查项的规则
                rule "EXTRA-UNKNOWN-CHECK"
                    @check("Z9") @severity("warning")
                when
                    Report()
                then
                end
                """);

        assertThat(run("validate", "--rules", rules.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("extra.drl:6", "Z9");
    }

    @Test
    void runsTheRuleTestsAndSaysHowManyPassed() throws java.io.IOException {
        long cases = java.nio.file.Files.readAllLines(Samples.RULES.resolve("tests/samples.yaml")).stream()
                .filter(l -> l.startsWith("  - name:")).count();
        assertThat(cases).isGreaterThanOrEqualTo(14);
        assertThat(run("test")).isZero();
        // the rule tests of every file (samples.yaml, phrasing.yaml, the phrasebook's sentences), none failed
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) passed, 0 failed").matcher(out());
        assertThat(m.find()).as(out()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isGreaterThan(cases + 400);
    }

    @Test
    void listsTheCatalogueWithPointsAndSources() {
        assertThat(run("list")).isZero();
        JsonNode catalogue = JsonMapper.builder().build().readTree(out());

        JsonNode late = catalogue.valueStream().filter(r -> r.get("id").asString().equals("ARITH-T3-BALANCE-TOTAL")).findFirst().orElseThrow();
        assertThat(late.get("check").asString()).isEqualTo("A1");
        assertThat(late.get("points").asDouble()).isEqualTo(8.0);
        assertThat(late.get("deduction").asDouble()).isEqualTo(2.0);
        assertThat(late.get("file").asString()).isEqualTo("arithmetic.drl");
        assertThat(late.get("description").asString()).contains("总计列");
    }

    @Test
    void showsWhatACandidateScorecardWouldChange() throws IOException {
        Path candidate = dir.resolve("strict.yaml");
        String yaml = Files.readString(Samples.SCORECARD);
        Files.writeString(candidate, yaml.replace("points: 4\n    perFinding: 4\n", "points: 20\n    perFinding: 20\n"));

        assertThat(run("diff", "--candidate-scorecard", candidate.toString(),
                Samples.DIR.resolve("004_e93a6eea8c407df3.txt").toString(),
                Samples.DIR.resolve("001_0f3a3c160bddc4d1.txt").toString())).isZero();
        JsonNode runs = JsonMapper.builder().build().readTree(out());

        assertThat(runs.get(0).get("change").asDouble()).isNegative(); // 004 omits the 信息处理费 statement
        // the same finding deducting more: one changed finding, not one added and one removed
        assertThat(runs.get(0).get("changed").valueStream().map(JsonNode::asString))
                .anyMatch(s -> s.startsWith("NARR-NO-INFO-FEE (-4.0 → -20.0)"));
        assertThat(runs.get(0).get("added").valueStream().map(JsonNode::asString)).noneMatch(s -> s.startsWith("NARR-NO-INFO-FEE"));
        assertThat(runs.get(0).get("removed").valueStream().map(JsonNode::asString)).noneMatch(s -> s.startsWith("NARR-NO-INFO-FEE"));
        assertThat(runs.get(0).get("agency").asString()).isEqualTo("忻州市应急管理局");
        assertThat(runs.get(1).get("change").asDouble()).isPositive(); // 001 states it: more of its points are earned
    }

    @Test
    void explainsBadUsage() {
        assertThat(run("diff", "x.txt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--candidate");
    }
}
