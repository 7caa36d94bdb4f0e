package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;

/** The rule tests policy staff keep in rules/tests run with every build. */
class RuleCasesTest {

    @TempDir
    Path dir;

    @Test
    void theProjectsRuleTestsPass() {
        List<RuleCases.Result> results = RuleCases.run(Samples.assessor(), Samples.RULES);

        assertThat(results).hasSizeGreaterThanOrEqualTo(6);
        assertThat(results).allSatisfy(r -> assertThat(r.failures()).as(r.name()).isEmpty());
    }

    @Test
    void everyRuleHasACaseWhereItMustFireAndOneWhereItMustNot() {
        List<String> ids = org.nianbao.rules.RuleSetLoader.load(Samples.RULES).rules().stream()
                .map(org.nianbao.rules.RuleInfo::id).toList();

        assertThat(ids).hasSizeGreaterThan(50);
        assertThat(RuleCases.gaps(ids, Samples.RULES)).isEmpty();
    }

    @Test
    void aRuleWithoutACaseEitherWayIsAGap() {
        assertThat(RuleCases.gaps(List.of("NO-SUCH-RULE", "TIME-PUBLISHED-LATE"), Samples.RULES))
                .containsExactly("规则 NO-SUCH-RULE 没有「应当触发」的测试案例", "规则 NO-SUCH-RULE 没有「不应触发」的测试案例");
    }

    @Test
    void aCaseFailsWithItsReasons() throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.copy(Samples.DIR.resolve("001_0f3a3c160bddc4d1.txt"), dir.resolve("tests/001.txt"));
        Files.writeString(dir.resolve("tests/wrong.yaml"), """
                cases:
                  - name: 期望错误的案例
                    report: 001.txt
                    mustFire: [TIME-PUBLISHED-LATE]
                    mustNotFire: [NARR-HANDLED-MISMATCH]
                    score: { min: 95 }
                  - name: 报告不存在
                    report: missing.txt
                """);

        List<RuleCases.Result> results = RuleCases.run(Samples.assessor(), dir);

        assertThat(results).hasSize(2).noneMatch(RuleCases.Result::passed);
        assertThat(results.get(0).failures()).containsExactly(
                "规则 TIME-PUBLISHED-LATE 应当触发，但没有触发",
                "规则 NARR-HANDLED-MISMATCH 不应触发，但触发了",
                "得分 89.58 不在期望范围 [95.0, ] 内");
        assertThat(results.get(1).failures()).singleElement().asString().contains("missing.txt");
    }
}
