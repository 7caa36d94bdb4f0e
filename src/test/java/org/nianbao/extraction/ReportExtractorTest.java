package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.reading.RejectedInput;
import org.nianbao.reading.TextDecoder;
import org.nianbao.report.ReportFacts;
import org.nianbao.report.TableCell;
import org.nianbao.rules.RuleSetLoader;

class ReportExtractorTest {

    private static final ReportExtractor EXTRACTOR = new ReportExtractor(RuleSetLoader.load(Samples.RULES).statements(), RuleSetLoader.load(Samples.RULES).organs());

    private static ReportFacts extract(String text) {
        return EXTRACTOR.extract(TextDecoder.decode("t.txt", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Double cell(ReportFacts facts, String table, String row, String column) {
        return facts.cells().stream()
                .filter(c -> c.table().equals(table) && c.row().equals(row) && c.column().equals(column))
                .map(TableCell::value).findFirst().orElseThrow(() -> new AssertionError(table + "/" + row + "/" + column));
    }

    /** A layout none of the samples has: each row's label and numbers on one line, separated by spaces (PDF text). */
    @Test
    void readsASixthLayoutByItsLabels() {
        String report = """
                某县交通运输局2024年政府信息公开工作年度报告
                本报告所列数据的统计期限自2024年1月1日起至12月31日止。
                一、总体情况
                2024年，我局共收到政府信息公开申请3件。
                二、主动公开政府信息情况
                第二十条第(一)项
                信息内容 本年制发件数 本年废止件数 现行有效件数
                规章 0 0 0
                行政规范性文件 1 0 5
                三、收到和处理政府信息公开申请情况
                一、本年新收政府信息公开申请数量 2 1 0 0 0 0 3
                二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
                (一)予以公开 2 1 0 0 0 0 3
                (七)总计 2 1 0 0 0 0 3
                四、结转下年度继续办理 0 0 0 0 0 0 0
                四、政府信息公开行政复议、行政诉讼情况
                0 0 0 0 0 1 0 0 0 1 0 0 0 0 0
                五、存在的主要问题及改进情况
                一是公开内容不够全面。二是解读形式单一。下一步，我局将加强培训。
                六、其他需要报告的事项
                本年度未收取信息处理费。
                某县交通运输局
                2025年1月20日
                """;

        ReportFacts facts = extract(report);

        assertThat(facts.report().agency()).isEqualTo("某县交通运输局");
        assertThat(facts.report().year()).isEqualTo(2024);
        assertThat(facts.report().publishedOn()).hasToString("2025-01-20");
        assertThat(facts.sections()).hasSize(6);
        assertThat(cell(facts, "2", "normative_documents", "in_force")).isEqualTo(5.0);
        assertThat(cell(facts, "3", "new_received", "commercial_enterprise")).isEqualTo(1.0);
        assertThat(cell(facts, "3", "results_total", "total")).isEqualTo(3.0);
        assertThat(cell(facts, "4", "litigation_direct", "upheld")).isEqualTo(1.0);
        assertThat(cell(facts, "4", "litigation_direct", "total")).isEqualTo(1.0);
        assertThat(facts.problems()).hasSize(2);
        assertThat(facts.measures()).hasSize(1);
        assertThat(facts.claims()).anyMatch(c -> c.subject().equals("applications_received") && c.value() == 3);
    }

    @Test
    void findsSectionsByTitleEvenWithAWrongOrdinal() {
        String report = Samples.text("000_0b909c2a4ee59f11.txt").replace("二、主动公开政府信息情况", "三、主动公开政府信息情况");

        ReportFacts facts = extract(report);

        assertThat(facts.section(2)).isNotNull();
        assertThat(facts.section(2).printedOrdinal()).isEqualTo("三");
        assertThat(facts.section(2).ordinalMatches()).isFalse();
    }

    @Test
    void splitsSectionFiveIntoProblemsAndMeasures() {
        ReportFacts facts = extract(Samples.text("003_a08e251a7459b3ee.txt"));

        assertThat(facts.problems()).isNotEmpty();
        assertThat(facts.measures()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(facts.measures()).anyMatch(m -> m.text().startsWith("强化服务理念"));
    }

    @Test
    void readsTheNumbersTheNarrativeStates() {
        ReportFacts facts = extract(Samples.text("001_0f3a3c160bddc4d1.txt"));

        assertThat(facts.claims()).extracting(c -> c.subject() + "=" + (int) c.value())
                .contains("applications_received=292", "applications_handled=281",
                        "applications_not_processed=9", "applications_carried_over=2");
    }

    @Test
    void refusesATextThatIsNotAnAnnualReport() {
        assertThatThrownBy(() -> extract("今天天气很好。\n我们去公园散步。\n"))
                .isInstanceOfSatisfying(RejectedInput.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInput.Reason.NOT_A_REPORT));
    }
}
