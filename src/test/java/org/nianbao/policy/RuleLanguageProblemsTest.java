package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.rules.RuleProblem;
import org.nianbao.rules.SyntaxHints;

/**
 * A mistake in a file of the Chinese rule language (.dslr) told in Chinese at its own line, as a person wrote it,
 * with Drools' own message kept as a detail.
 */
class RuleLanguageProblemsTest {

    @TempDir
    Path dir;

    /** The problems of the project's rules with information-fee.dslr changed by {@code edit}. */
    private List<RuleProblem> problemsWith(java.util.function.UnaryOperator<String> edit) throws IOException {
        Samples.copyRules(dir);
        Path fee = dir.resolve("information-fee.dslr");
        Files.writeString(fee, edit.apply(Files.readString(fee)));
        Validation v = Validation.of(dir, Samples.SCORECARD);
        assertThat(v.valid()).isFalse();
        return v.problems();
    }

    /** The problems told in Chinese (not the parser's own). */
    private static List<RuleProblem> told(List<RuleProblem> problems) {
        return problems.stream().filter(p -> !SyntaxHints.isParserMessage(p.message())).toList();
    }

    @Test
    void aSentenceTheLanguageDoesNotHaveIsToldAtItsLineAsWrittenWithTheNearestSentences() throws IOException {
        List<RuleProblem> problems = problemsWith(t -> t.replace("全文没有说明「信息处理费收取情况」", "全文未说明「信息处理费收取情况」"));

        assertThat(told(problems)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("information-fee.dslr");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).contains("第 12 行", "「全文未说明「信息处理费收取情况」」", "不是规则语言中的句子",
                            "全文没有说明「信息处理费收取情况」")
                    .doesNotContain("information_fee", "Unable to expand");
        });
        // Drools' own message stays, as a detail
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("Unable to expand"));
        assertThat(problems.stream().filter(p -> p.message().contains("Unable to expand")))
                .allSatisfy(p -> assertThat(SyntaxHints.isParserMessage(p.message())).isTrue());
    }

    @Test
    void theNearestSentencesOfAConclusionAreConclusions() throws IOException {
        List<RuleProblem> problems = problemsWith(t -> t.replace("在第6部分记录问题", "在第6部分记下问题"));

        assertThat(told(problems)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).contains("不是规则语言中的句子", "在第6部分记录问题“")
                    .doesNotContain("全文没有说明");
        });
    }

    @Test
    void aRuleWithoutItsEndIsToldAtTheRuleInChinese() throws IOException {
        List<RuleProblem> problems = problemsWith(t -> t.replaceAll("(?m)^end\\s*$", "")
                + "\nrule \"NARR-OTHER\"\n    @check(\"N4\") @severity(\"warning\")\nwhen\n    全文没有说明「信息处理费收取情况」\nthen\n"
                + "    记录问题“另一条”，建议“另一条”\nend\n");

        assertThat(told(problems)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("规则「NARR-NO-INFO-FEE」缺少结尾的 end").doesNotContain("ERR", "mismatched");
        });
        assertThat(problems).anySatisfy(p -> assertThat(SyntaxHints.isParserMessage(p.message())).isTrue());

        // the last rule without its end: Drools tells a mismatched input elsewhere
        List<RuleProblem> last = problemsWith(t -> t.replaceAll("(?m)^end\\s*$", ""));
        assertThat(told(last)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("规则「NARR-NO-INFO-FEE」缺少结尾的 end").doesNotContain("ERR", "mismatched");
        });
    }

    @Test
    void anOpenQuoteIsToldAtItsLineInChinese() throws IOException {
        List<RuleProblem> problems = problemsWith(t -> t.replace("收取情况」", "收取情况"));

        assertThat(told(problems)).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).contains("第 12 行", "「", "没有配对");
        });
        assertThat(told(problems)).allSatisfy(p -> assertThat(p.message()).doesNotContain("information_fee", "Unable"));
    }
}
