package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.rules.RuleSet;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.ScorecardLoader;

/** The published scoring method comes from the rules and scorecard in force, never from a hand-written text. */
class ScoringMethodTest {

    @TempDir
    Path dir;

    private static final RuleSet RULES = RuleSetLoader.load(Samples.RULES);

    private static ScoringMethod.Check check(ScoringMethod method, String id) {
        return method.categories().stream().flatMap(c -> c.checks().stream()).filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void listsEveryCheckOfTheScorecardAndEveryRuleWithItsBasisAndCost() {
        Scorecard card = ScorecardLoader.load(Samples.SCORECARD);
        ScoringMethod method = ScoringMethod.of(RULES, card);

        assertThat(method.categories().stream().mapToLong(c -> c.checks().size()).sum()).isEqualTo(card.checks().size());
        assertThat(method.categories().stream().mapToDouble(ScoringMethod.Category::points).sum()).isEqualTo(100.0);
        assertThat(method.categories().stream().flatMap(c -> c.checks().stream()).mapToLong(c -> c.rules().size()).sum())
                .isEqualTo(RULES.rules().stream().filter(r -> card.check(r.check()) != null).count());
        ScoringMethod.Rule late = check(method, "T1").rules().stream()
                .filter(r -> r.id().equals("TIME-PUBLISHED-LATE")).findFirst().orElseThrow();
        assertThat(late.test()).contains("法定期限");
        assertThat(late.deduction()).isNull(); // by bands of days late
        ScoringMethod.Rule organ = check(method, "A5").rules().stream()
                .filter(r -> r.id().equals("ARITH-RULES-BY-ORGAN")).findFirst().orElseThrow();
        assertThat(organ.test()).contains("立法法");
        assertThat(check(method, "C7").rules()).anySatisfy(r -> assertThat(r.test()).contains("条例第五十条"));
        assertThat(method.caps()).anySatisfy(c -> assertThat(c.flag()).contains("第四部分统计表"));
        assertThat(method.categories().stream().flatMap(c -> c.checks().stream()).flatMap(c -> c.rules().stream())
                .filter(r -> r.severity().equals("info"))).allSatisfy(r -> assertThat(r.deduction()).isZero());
    }

    @Test
    void changesWhenACheckPointsChange() throws IOException {
        Path changed = dir.resolve("default.yaml");
        String text = Files.readString(Samples.SCORECARD);
        String a4 = "  - id: A4\n    name: 表4 行政复议、直接起诉、复议后起诉的总计 = 四项之和\n    category: arithmetic\n    points: 4\n    perFinding: 2";
        assertThat(text).contains(a4);
        Files.writeString(changed, text.replace(a4, a4.replace("perFinding: 2", "perFinding: 1")));

        ScoringMethod before = ScoringMethod.of(RULES, ScorecardLoader.load(Samples.SCORECARD));
        ScoringMethod after = ScoringMethod.of(RULES, ScorecardLoader.load(changed));

        assertThat(check(before, "A4").perFinding()).isEqualTo(2.0);
        assertThat(check(after, "A4").perFinding()).isEqualTo(1.0);
        assertThat(check(after, "A4").rules()).filteredOn(r -> r.id().equals("ARITH-T4-ROW-TOTAL"))
                .singleElement().satisfies(r -> assertThat(r.deduction()).isEqualTo(1.0));
    }

    /** rules/information-fee.dslr with its sentence made to deduct {@code points} itself (「扣N分」). */
    private Path feeRuleDeducting(String points) throws IOException {
        Path rules = Samples.copyRules(Files.createDirectories(dir.resolve("rules-" + points)));
        Path fee = rules.resolve("information-fee.dslr");
        String text = Files.readString(fee);
        String sentence = "未收取的也应写明”";
        assertThat(text).contains(sentence);
        Files.writeString(fee, text.replace(sentence, sentence + "，扣" + points + "分"));
        return rules;
    }

    private static ScoringMethod.Rule rule(ScoringMethod method, String check, String id) {
        return check(method, check).rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRuleThatStatesItsOwnDeductionInTheRuleLanguageIsPublishedWithIt() throws IOException {
        Scorecard card = ScorecardLoader.load(Samples.SCORECARD);
        RuleSet two = RuleSetLoader.load(feeRuleDeducting("2"));

        ScoringMethod method = ScoringMethod.of(two, card);
        var assessed = new org.nianbao.assessment.Assessor(two, card).assess("004_e93a6eea8c407df3.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt"), org.nianbao.assessment.AssessmentOptions.NONE);

        assertThat(rule(method, "N4", "NARR-NO-INFO-FEE").deduction()).isEqualTo(2.0);
        assertThat(CatalogueEntry.of(two.rules(), card)).filteredOn(e -> e.id().equals("NARR-NO-INFO-FEE"))
                .singleElement().satisfies(e -> assertThat(e.deduction()).isEqualTo(2.0));
        assertThat(assessed.findings()).filteredOn(f -> f.ruleId().equals("NARR-NO-INFO-FEE"))
                .singleElement().satisfies(f -> assertThat(f.deduction()).isEqualTo(2.0));
    }

    @Test
    void aRuleThatStatesNoDeductionIsPublishedWithItsChecksAmount() {
        ScoringMethod method = ScoringMethod.of(RULES, ScorecardLoader.load(Samples.SCORECARD));

        assertThat(rule(method, "N4", "NARR-NO-INFO-FEE").deduction()).isEqualTo(4.0); // N4's perFinding
    }

    @Test
    void publishesTheCapsToleranceAndHowAnOmissionIsScored() {
        ScoringMethod method = ScoringMethod.of(RULES, ScorecardLoader.load(Samples.SCORECARD));

        assertThat(method.omittedByReport()).isEqualTo("fail");
        assertThat(method.scope().fromYear()).isEqualTo(2019);
        assertThat(method.caps()).filteredOn(c -> c.rules().contains("ARITH-T3-BALANCE-TOTAL")).singleElement()
                .satisfies(c -> assertThat(c.beyond()).isEqualTo("相差大于1且大于较大数的1%"));
        assertThat(method.caps()).filteredOn(c -> c.rules().contains("ARITH-T3-BALANCE-UNCHECKABLE")).singleElement()
                .satisfies(c -> assertThat(c.tolerance()).isNull());
        assertThat(check(method, "N3").needs()).containsExactly("year");
        assertThat(check(method, "T1").needs()).containsExactly("year", "publishedOn");
        assertThat(check(method, "A1").needs()).isEmpty();
    }
}
