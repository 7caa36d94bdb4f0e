package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.Outcome;

/** What the rules in force made of a stored report is known again only for the same rules, facts and dismissals. */
class InForceSidesTest {

    private static final Outcome SIDE = new Outcome("a.txt", "某局", 2023, 90, "良好", "v1", "c1",
            Map.of("R1\u0000消息", List.of(2.0)));

    @Test
    void aSideIsKnownAgainByItsReportItsFactsAndWhatWasDismissedInIt() {
        InForceSides sides = new InForceSides();
        Assessor inForce = Samples.assessor();

        sides.put(inForce, 7, 11, Set.of(), SIDE);

        assertThat(sides.get(inForce, 7, 11, Set.of())).isEqualTo(SIDE);
        assertThat(sides.get(inForce, 7, 12, Set.of())).as("its facts replaced").isNull();
        assertThat(sides.get(inForce, 8, 11, Set.of())).as("another report").isNull();
        assertThat(sides.get(inForce, 7, 11, Set.of("R1|x"))).as("a finding dismissed since").isNull();
    }

    @Test
    void anotherRulesetInForceForgetsEverything() {
        InForceSides sides = new InForceSides();
        Assessor first = Samples.assessor();
        Assessor next = new Assessor(first.rules(), first.scorecard());
        sides.put(first, 7, 11, Set.of(), SIDE);

        assertThat(sides.get(next, 7, 11, Set.of())).isNull();
        sides.put(next, 8, 11, Set.of(), SIDE);

        assertThat(sides.size(next)).isEqualTo(1);
        assertThat(sides.get(first, 7, 11, Set.of())).isNull();
        assertThat(sides.size(first)).isZero();
    }

    @Test
    void aSideKeepsNoFindingAnyoneCanChangeAfterwards() {
        var findings = new java.util.LinkedHashMap<String, List<Double>>();
        findings.put("R1\u0000消息", new java.util.ArrayList<>(List.of(2.0)));
        Outcome seen = new Outcome("a.txt", null, null, 90, "良好", "v1", "c1", findings);

        findings.put("R2\u0000另一条", List.of(1.0));

        assertThat(seen.findings()).containsOnlyKeys("R1\u0000消息");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seen.findings().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
