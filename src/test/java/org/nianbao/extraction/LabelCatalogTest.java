package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tables' row and column labels as rules/labels.yaml lists their ways of writing them. */
class LabelCatalogTest {

    private static final LabelCatalog LABELS = LabelCatalog.standard();

    @Test
    void theFormatsOwnLabelOfEveryRowAndColumnIsReadAsItsKey() {
        for (String table : TableLayout.TABLES) {
            for (String row : TableLayout.rowKeys(table)) {
                assertThat(LABELS.reading(table, TableLayout.rowLabel(table, row))).as("表%s %s", table, row)
                        .isEqualTo("row " + row);
            }
        }
        for (TableLayout.Key column : TableLayout.TABLE2_COLUMNS) {
            assertThat(LABELS.column("2", TableLayout.columnLabel("2", column.key()).replace(" ", ""))).isEqualTo(column);
        }
        for (TableLayout.Key column : TableLayout.TABLE4_COLUMNS) {
            assertThat(LABELS.column("4", column.label())).isEqualTo(column);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "3.其它, row other_misc",
            "(3)其他, row other_misc",
            "③其他, row other_misc",
            "(六)3.其它, row other_misc",
            "(六)其它处理, row other",
            "(六)其他处理, row other",
            "(七)合计, row results_total",
            "七、合计, row results_total",
            "(三)2.其它法律行政法规禁止公开, row denied_law_prohibited",
            "（五）2.重复申请, row not_processed_repeated",
            "1.信访举报投诉类申请, row not_processed_petition",
            "2.没有现成信息需要另行制作, row unavailable_needs_creation",
            "2.申请人逾期未按收费通知要求缴纳费用, row other_unpaid_fee",
            "四、结转下年继续办理, row carried_forward",
            "其他, column other_org",
            "自然人, column natural_person",
            "自 然 人, column natural_person",
    })
    void readsTableThreesLabelsInTheWaysReportsWriteThem(String label, String reading) {
        assertThat(LABELS.reading("3", label)).isEqualTo(reading);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "规章, row rules",
            "1.规章, row rules",
            "规章制度, none",
            "行政许可, row admin_licensing",
            "行政许可事项数, none",
            "本年新发件数, column issued",
            "现行有效件数 (历史累计), column in_force",
            "本年增减, column change",
    })
    void readsTableTwosLabelsWholeWhereAPartWouldNameAnotherThing(String label, String reading) {
        assertThat(LABELS.reading("2", label)).isEqualTo(reading);
    }

    @Test
    void tableFoursTotalMayBeCalledHeji() {
        assertThat(LABELS.column("4", "合计").key()).isEqualTo("total");
        assertThat(LABELS.column("4", "其它结果").key()).isEqualTo("other");
        assertThat(LABELS.row("4", "未经复议直接起诉").key()).isEqualTo("litigation_direct");
    }

    @Test
    void anUnknownKeyAndAKeyWithoutWordsAreProblemsAtTheirLines() {
        String yaml = """
                numbering: ["1."]
                tables:
                  "3":
                    rows:
                      - { key: new_recieved, words: [本年新收] }
                      - { key: carried_over }
                """;
        List<LabelCatalog.Problem> problems = new ArrayList<>();
        LabelCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8), problems);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("new_recieved", "new_received");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("carried_over", "没有写法");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("缺少表2", "rules"));
    }
}
