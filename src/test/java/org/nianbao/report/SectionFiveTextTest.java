package org.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;

class SectionFiveTextTest {

    /** The measure as it is defined: the share of character pairs two texts have in common, by sets of strings. */
    private static double jaccard(String a, String b) {
        Set<String> x = new HashSet<>();
        Set<String> y = new HashSet<>();
        for (int i = 0; i + 1 < a.length(); i++) {
            x.add(a.substring(i, i + 2));
        }
        for (int i = 0; i + 1 < b.length(); i++) {
            y.add(b.substring(i, i + 2));
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return Math.round((double) both.size() / either.size() * 1000) / 1000.0;
    }

    @Test
    void theSamplesSectionFivesCompareAsTheirSetsOfCharacterPairsDo() {
        List<String> fives = Samples.NAMES.stream()
                .map(n -> SectionFiveText.of(Samples.assessor().draw(org.nianbao.reading.Readers.read(n, Samples.bytes(n)))))
                .toList();
        assertThat(fives).allSatisfy(f -> assertThat(f).hasSizeGreaterThan(100));
        for (String a : fives) {
            for (String b : fives) {
                assertThat(SectionFiveText.similarity(a, b)).as("%.20s / %.20s", a, b).isEqualTo(jaccard(a, b));
            }
            assertThat(SectionFiveText.similarity(a, a)).isEqualTo(1.0);
        }
    }

    @Test
    void pairsBeyondTheBasicPlaneAndOfEveryCharacterAreTold() {
        String a = "改进措施\uD842\uDFB7落实到位";
        String b = "改进措施\uD842\uDFB8落实到位";
        assertThat(SectionFiveText.similarity(a, b)).isEqualTo(jaccard(a, b)).isLessThan(1.0);
        assertThat(SectionFiveText.similarity("一", "一二")).isZero();
        assertThat(SectionFiveText.pairs("甲乙甲乙")).hasSize(2);
    }
}
