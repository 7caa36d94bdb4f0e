package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nianbao.extraction.IncompleteReportsTest.assess;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.reading.RejectedInput;

/** What is refused as not a report (or not one this method scores), with the reason; and what is a report after all. */
class NotAReportTest {

    private static Assessment read(String text) {
        return assess("t.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String name, String text, String reason) {
        assertThatThrownBy(() -> assess(name, text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedInput.class)
                .satisfies(e -> assertThat(((RejectedInput) e).reason()).isEqualTo(RejectedInput.Reason.NOT_A_REPORT))
                .hasMessageContaining(reason);
    }

    @Test
    void aFoldersReadmeIsRefusedAsMostlyNotChinese() {
        String readme = """
                # More real report samples (excerpts)

                Eight real 政府信息公开工作年度报告 texts, kept exactly as stored (no trailing newline added, nothing fixed).
                **Every file is an excerpt, not a complete report.** Each is the stored copy of the *opening* of a
                government web page, cut at about 2,000 bytes of UTF-8 (so often mid-word or mid-row).

                | file | agency (as the text gives it) | level | report year |
                |---|---|---|---|
                | 01_shanxi-jtyst-2021.txt | 山西省交通运输厅 | provincial department | 2021 |
                | 02_ankang-yjj-2023.txt | 安康市应急管理局 | city department | 2023 |
                """;
        refused("README.md", readme, "汉字只占");
    }

    @Test
    void aFoldersIndexInJsonIsRefusedAsData() {
        refused("index.json", """
                [{"file": "01.txt", "title": "山西省交通运输厅2021年政府信息公开工作年度报告", "year": 2021},
                 {"file": "02.txt", "title": "安康市应急管理局2023年政府信息公开工作年度报告", "year": 2023}]
                """, "JSON");
    }

    @Test
    void anExplainerOfAReportIsRefusedAndTheReportItselfIsNot() {
        refused("t.txt", "文字解读:济南市历下区大明湖街道办事处2022年政府信息公开工作年度报告\n"
                + "近日，大明湖街道办事处发布了2022年政府信息公开工作年度报告，现将主要内容解读如下。", "解读");
        assertThat(read("济南市历下区大明湖街道办事处2022年政府信息公开工作年度报告\n一、总体情况\n2022年，街道认真贯彻落实条例。")
                .report().agency()).isEqualTo("济南市历下区大明湖街道办事处");
    }

    @Test
    void aRuleOnAnnualReportsIsNotAnAnnualReport() {
        refused("t.txt", "固东镇人民政府信息公开工作年度报告制度\n第一条 为全面掌握情况，根据条例，制定本制度。", "不像");
    }

    @Test
    void twoPartHeadingsWithTheRowsOfTable2AreAReport() {
        Assessment a = read("""
                一、总体情况
                本年度，我局认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
                规章 | 0 | 0 | 0 |
                行政规范性文件 | 2 | 1 | 9 |
                """);

        assertThat(a.facts().sections()).containsExactly(1, 2);
        assertThat(a.facts().cells()).isNotEmpty();
    }

    @Test
    void aReportOn2018OrEarlierIsRefusedAsOutOfScopeAndOneOn2019IsScored() {
        refused("t.txt", """
                某某县审计局2017年政府信息公开工作年度报告
                一、概述
                2017年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。
                二、主动公开政府信息情况
                三、依申请公开政府信息情况
                四、政府信息公开的收费及减免情况
                """, "2018年及以前");
        Assessment a = read("""
                某某县审计局2019年政府信息公开工作年度报告
                一、总体情况
                2019年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。
                二、主动公开政府信息情况
                三、收到和处理政府信息公开申请情况
                """);
        assertThat(a.report().year()).isEqualTo(2019);
    }

    @Test
    void theSamplesAreReportsStill() {
        for (String name : Samples.NAMES) {
            assertThat(Samples.assess(name).score()).as(name).isPositive();
        }
    }
}
