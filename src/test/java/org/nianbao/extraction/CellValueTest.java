package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value of a table cell: numbers with separators, dashes and 「无」 as zero, anything else not a value. */
class CellValueTest {

    /** The grammar of a value as the format's tables print it, written as expressions: the reference. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?");
    private static final Pattern DASH = Pattern.compile("/|-+|—+|–|无|／");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "12;12.0", "1,234;1234.0", "+3;3.0", "-2;-2.0", "0.5;0.5", "' 7 ';7.0", "/;0.0", "-;0.0", "---;0.0",
        "——;0.0", "–;0.0", "无;0.0", "／;0.0"})
    void readsNumbersAndDashes(String text, double value) {
        assertThat(CellValue.isValue(text)).isTrue();
        assertThat(CellValue.parse(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"自然人", "1.", ".5", "1.2.3", "-—", "无无", "//", "12个", "第1", "1 2", "+", "1,2a", "1,"})
    void leavesLabelsAndBrokenNumbersUnread(String text) {
        assertThat(CellValue.isValue(text)).isFalse();
    }

    @Test
    void blankCellHasNoValue() {
        assertThat(CellValue.parse("  ")).isNull();
        assertThat(CellValue.isValue("")).isFalse();
    }

    @Test
    void agreesWithTheGrammarOnRandomCells() {
        char[] alphabet = {'0', '1', '9', ',', '.', '-', '+', '/', '—', '–', '无', '／', ' ', '人', '１'};
        Random random = new Random(20261203L);
        int values = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String t = text.toString().strip();
            // a value also ends like one: 「1,」 fits the number's expression but is not read
            boolean expected = CellValue.endsLikeValue(t) && (NUMBER.matcher(t).matches() || DASH.matcher(t).matches());
            assertThat(CellValue.isValue(text.toString())).as("「%s」", text).isEqualTo(expected);
            if (expected) {
                values++;
                Double parsed = CellValue.parse(text.toString());
                Double reference = DASH.matcher(t).matches() ? 0.0 : Double.valueOf(t.replace(",", "").replace("+", ""));
                assertThat(parsed).as("「%s」", text).isEqualTo(reference);
            }
        }
        assertThat(values).isGreaterThan(1_000);
    }
}
