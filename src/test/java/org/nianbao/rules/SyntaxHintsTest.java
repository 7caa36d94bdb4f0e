package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The common mistakes of a hand-edited rule file, told in Chinese at their own line; and a rule's own deduction. */
class SyntaxHintsTest {

    private static List<String> hints(String text) {
        return SyntaxHints.of("a.drl", text).stream().map(p -> p.line() + " " + p.message()).toList();
    }

    @Test
    void aFullWidthQuoteOrBracketInCodeIsToldAtItsLineButNotInsideAString() {
        String drl = """
                rule "X"
                    @check("A1") @severity("error")
                when
                    TableCell（table == "3"）
                then
                    findings.report(drools, “全角引号", "建议（全角括号在字符串里没关系）");
                end
                """;
        assertThat(hints(drl)).hasSize(2)
                .anySatisfy(h -> assertThat(h).startsWith("4 ").contains("全角的「（」"))
                .anySatisfy(h -> assertThat(h).startsWith("6 ").contains("全角的「“」", "半角双引号"));
    }

    @Test
    void anOpenQuoteAnOpenBracketAndAMissingEndAreFound() {
        assertThat(hints("rule \"X\"\nwhen\n    Report(year == \"2023)\nthen\nend\n"))
                .anySatisfy(h -> assertThat(h).startsWith("3 ").contains("引号没有配对"));
        assertThat(hints("rule \"X\"\nwhen\n    Report(year > (2020)\nthen\nend\n"))
                .anySatisfy(h -> assertThat(h).contains("圆括号「(」没有配对"));
        assertThat(hints("rule \"X\"\nwhen\nthen\n\nrule \"Y\"\nwhen\nthen\nend\n"))
                .singleElement().asString().startsWith("1 ").contains("规则「X」缺少结尾的 end");
    }

    @Test
    void aCorrectFileHasNoHints() {
        assertThat(hints("// 全角（注释）里没关系\nrule \"X\"\nwhen\n    Report(year == 2023)\nthen\n"
                + "    findings.report(drools, \"说明（全角）\", \"建议\");\nend\n")).isEmpty();
    }

    @Test
    void aRuleThatStatesItsOwnDeductionIsCatalogedWithIt() {
        String drl = """
                rule "OWN"
                when
                then
                    findings.text(drools, 5, "问题", "建议", 1.5);
                end

                rule "SCORECARD"
                when
                then
                    findings.text(drools, 5, "问题", "建议");
                end
                """;
        var sources = RuleSource.scan("a.drl", drl);
        assertThat(sources.get("OWN").points()).isEqualTo(1.5);
        assertThat(sources.get("SCORECARD").points()).isNull();
    }
}
