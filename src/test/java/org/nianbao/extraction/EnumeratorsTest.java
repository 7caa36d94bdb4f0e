package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EnumeratorsTest {

    /** The enumerators as a regular expression: the definition the scanner is held to. */
    private static final Pattern AS_EXPRESSION = Pattern.compile(
            "(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][,、]|(?<![\\d.])[1-9][.、](?!\\d)|\\([1-9一二三四五六七八九]\\))");

    @Test
    void findsEachKindOfEnumeratorAndWhereItsItemStarts() {
        assertThat(Enumerators.ends("一是公开不够及时;二是答复不规范。")).containsExactly(2, 11);
        assertThat(Enumerators.ends("第一,加强培训。第二、完善制度。")).containsExactly(3, 11);
        assertThat(Enumerators.ends("1.加强培训;2、完善制度")).containsExactly(2, 9);
        assertThat(Enumerators.ends("(1)加强培训(一)完善制度")).containsExactly(3, 10);
    }

    @Test
    void numbersThatAreNotEnumeratorsAreNotTakenForThem() {
        assertThat(Enumerators.ends("增长2.5%,共12.件")).isEmpty();
        assertThat(Enumerators.ends("第十一条(十)十分")).isEmpty();
        assertThat(Enumerators.ends("1.2.3")).isEmpty();
        assertThat(Enumerators.ends("")).isEmpty();
        assertThat(Enumerators.ends("一")).isEmpty();
        assertThat(Enumerators.ends("(1")).isEmpty();
    }

    @Test
    void agreesWithTheExpressionOnEveryTextOfItsCharacters() {
        char[] alphabet = "一二五九十是第,、0129.()x年".toCharArray();
        Random random = new Random(13);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(Enumerators.ends(text.toString())).as(text.toString()).isEqualTo(byExpression(text.toString()));
        }
    }

    private static List<Integer> byExpression(String text) {
        List<Integer> ends = new ArrayList<>();
        Matcher m = AS_EXPRESSION.matcher(text);
        while (m.find()) {
            ends.add(m.end());
        }
        return ends;
    }
}
