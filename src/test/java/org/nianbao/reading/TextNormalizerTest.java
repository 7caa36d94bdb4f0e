package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void fullWidthFormsBecomeAsciiAndChinesePunctuationStays() {
        assertThat(TextNormalizer.normalize("（一）本年新收：１２，３"))
                .isEqualTo("(一)本年新收:12,3");
        assertThat(TextNormalizer.normalize("“依申请公开”、。")).isEqualTo("“依申请公开”、。");
    }

    @Test
    void oddSpacesBecomeSpacesAndZeroWidthCharactersGo() {
        assertThat(TextNormalizer.normalize("自\u3000然\u00A0人\u2002\u2003\u2009|\uFEFF\u200B\u200C\u200D|")).isEqualTo("自 然 人   ||");
        assertThat(TextNormalizer.normalize("\u2212 3 \u2013 4")).isEqualTo("- 3 - 4");
    }

    @Test
    void aLineIsTakenAsItIsUpToItsFirstCharacterToChangeAndNormalisedFromThere() {
        assertThat(TextNormalizer.normalize("本年新收申请数量\u200B１２  ")).isEqualTo("本年新收申请数量12");
        assertThat(TextNormalizer.normalize("本年新收申请数量 12\t ")).as("nothing to change but the end").isEqualTo("本年新收申请数量 12");
        assertThat(TextNormalizer.normalize("\uFFFF\uFFFE")).as("no character stands for a dropped one").isEqualTo("\uFFFF\uFFFE");
    }

    @Test
    void dropsWordBookmarksAndTrailingSpace() {
        assertThat(TextNormalizer.normalize("一、总体情况[bookmark: _GoBack]  \t")).isEqualTo("一、总体情况");
    }

    @Test
    void compactRemovesEveryKindOfWhiteSpace() {
        assertThat(TextNormalizer.compact(" 自 然\t人\u3000\u00A0法人\r\n")).isEqualTo("自然人法人");
        assertThat(TextNormalizer.compact("\t")).isEmpty();
        assertThat(TextNormalizer.compact("")).isEmpty();
    }

    @Test
    void compactRemovesJavaWhiteSpaceAndNoBreakAndIdeographicSpacesAndNoOtherCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean space = Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000';
            assertThat(TextNormalizer.compact("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(space ? "ab" : "a" + c + "b");
        }
    }

    @Test
    void aLineWithoutWhiteSpaceIsItsOwnCompactForm() {
        String prose = "本机关按照条例要求，及时公开政府信息。";
        assertThat(TextNormalizer.compact(prose)).isSameAs(prose);
    }

    @Test
    void aLineIsNormalisedInPlaceWithinItsText() {
        String text = "（一）本年新收：１２ \t|一、总体情况  [bookmark: _GoBack]|\u3000\u3000|前[bookmark: a]后\u00A0|末行";
        java.util.List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int bar; (bar = text.indexOf('|', start)) >= 0; start = bar + 1) {
            lines.add(TextNormalizer.normalize(text, start, bar));
        }
        lines.add(TextNormalizer.normalize(text, start, text.length()));

        assertThat(lines).containsExactly("(一)本年新收:12", "一、总体情况", "", "前后", "末行");
    }
}
