package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed labels of the tables' rows and columns are recognised by their keys' patterns, and by nothing else. */
class TableLayoutTest {

    private static List<TableLayout.Key> everyKey() {
        List<TableLayout.Key> keys = new ArrayList<>();
        keys.addAll(TableLayout.TABLE2_ROWS);
        keys.addAll(TableLayout.TABLE2_COLUMNS);
        keys.addAll(TableLayout.TABLE3_ROWS);
        keys.addAll(TableLayout.TABLE3_COLUMNS);
        keys.add(TableLayout.TABLE3_OTHER);
        keys.addAll(TableLayout.TABLE4_ROWS);
        keys.addAll(TableLayout.TABLE4_COLUMNS);
        return keys;
    }

    @Test
    void aKeyOfPlainWordsMatchesExactlyWhereItsExpressionFinds() {
        List<String> texts = new ArrayList<>();
        for (TableLayout.Key key : everyKey()) {
            String compact = org.nianbao.reading.TextNormalizer.compact(key.label());
            texts.add(compact);
            texts.add("（五）1." + compact);
            texts.add(compact.substring(0, compact.length() / 2));
        }
        texts.addAll(List.of("信访举报投诉类申请", "举报投诉", "不补正", "逾期不补正", "没有现成信息", "另行制作", "其他", "3.其他",
                "收费通知", "本年增/减", "本年增减"));
        int plain = 0;
        for (TableLayout.Key key : everyKey()) {
            if (key.literals() != null) {
                plain++;
            }
            for (String text : texts) {
                assertThat(key.matches(text)).as("%s on 「%s」", key.key(), text)
                        .isEqualTo(key.pattern().matcher(text).find());
            }
        }
        assertThat(plain).as("keys matched by their words").isGreaterThan(40);
    }

    @Test
    void rowLabelsOfTableThreeFindTheirOwnRow() {
        assertThat(TableLayout.match(TableLayout.TABLE3_ROWS, "1.信访举报投诉类申请").key()).isEqualTo("not_processed_petition");
        assertThat(TableLayout.match(TableLayout.TABLE3_ROWS, "2.没有现成信息需要另行制作").key()).isEqualTo("unavailable_needs_creation");
        assertThat(TableLayout.match(TableLayout.TABLE3_ROWS, "2.申请人逾期未按收费通知要求缴纳费用").key()).isEqualTo("other_unpaid_fee");
        assertThat(TableLayout.match(TableLayout.TABLE3_ROWS, "自然人")).isNull();
    }
}
