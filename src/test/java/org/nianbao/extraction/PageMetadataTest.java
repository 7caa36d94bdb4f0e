package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.extraction.IncompleteReportsTest.assess;
import static org.nianbao.extraction.IncompleteReportsTest.ruleIds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nianbao.assessment.Assessment;

/** Agency, level and publication date from every place a real page puts them; never a pronoun. */
class PageMetadataTest {

    private static Assessment excerpt(String name) throws IOException {
        return assess(name, Files.readAllBytes(Path.of("src/test/resources/excerpts", name)));
    }

    @Test
    void aMetadataTableGivesThePublicationDate() throws IOException {
        Assessment a = excerpt("metadata-table.txt");

        assertThat(a.report().agency()).isEqualTo("山西省交通运输厅");
        assertThat(a.report().publishedOn()).isEqualTo("2022-01-29");
        assertThat(a.report().publishedOnSource()).isEqualTo("page");
        assertThat(a.report().completeness()).isEqualTo("cut_off");
    }

    @Test
    void metadataLinesWithoutColonsGiveTheDateAndTheTitleTheAgency() throws IOException {
        Assessment a = excerpt("metadata-lines.txt");

        assertThat(a.report().agency()).isEqualTo("山阳县人民政府"); // not the 发布机构 「市政府办」
        assertThat(a.report().level()).isEqualTo("government");
        assertThat(a.report().publishedOn()).isEqualTo("2021-02-20");
    }

    @Test
    void anAbbreviatedTitleGivesWayToTheFullNameInThePreamble() throws IOException {
        Assessment a = excerpt("abbreviated-title.txt");

        assertThat(a.report().agency()).isEqualTo("安康市应急管理局");
        assertThat(a.report().year()).isEqualTo(2023);
    }

    @Test
    void aTitleRunIntoALongLineOfPageTextStillGivesTheAgencyAndYear() {
        String text = """
                当前位置:首页>政务公开>政府信息公开>法定主动公开内容>政策文件>规划计划>财政资金>人事信息>建议提案办理结果>忻州市应急管理局2023年政府信息公开工作年度报告 发布时间:2024-01-20
                一、总体情况
                2023年，我局认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("忻州市应急管理局");
        assertThat(a.report().year()).isEqualTo(2023);
        assertThat(a.report().publishedOn()).isEqualTo("2024-01-20");
    }

    @Test
    void aTitleRunOnFromPageTextWithoutSeparatorsTakesTheOrganSignedUnderTheReport() {
        String text = """
                当前位置 首页 政务公开 政府信息公开 法定主动公开内容 政策文件 规划计划 建议提案办理结果忻州市应急管理局2023年政府信息公开工作年度报告
                一、总体情况
                2023年，我局认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                六、其他需要报告的事项
                本机关未收取信息处理费。
                忻州市应急管理局
                2024年1月20日
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("忻州市应急管理局");
        assertThat(a.report().year()).isEqualTo(2023);
    }

    @Test
    void aTitleOfItsOwnLineKeepsTheFullNameEvenWhenTheSignatureIsShorter() {
        String text = """
                中共平阳县委宣传部2023年政府信息公开工作年度报告
                一、总体情况
                2023年，本部认真贯彻落实政府信息公开条例。
                二、主动公开政府信息情况
                六、其他需要报告的事项
                本机关未收取信息处理费。
                平阳县委宣传部
                2024年1月20日
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("中共平阳县委宣传部");
    }

    @Test
    void aTitleAfterALabelOfAPageTableKeepsTheFullNameEvenWhenTheSignatureIsShorter() {
        for (String titleLine : new String[] {"标题：中共平阳县委宣传部2023年政府信息公开工作年度报告",
                "| 标 题 | 中共平阳县委宣传部2023年政府信息公开工作年度报告 |"}) {
            String text = titleLine + """

                    一、总体情况
                    2023年，本部认真贯彻落实政府信息公开条例。
                    二、主动公开政府信息情况
                    六、其他需要报告的事项
                    本机关未收取信息处理费。
                    平阳县委宣传部
                    2024年1月20日
                    """;
            Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

            assertThat(a.report().agency()).as(titleLine).isEqualTo("中共平阳县委宣传部");
        }
    }

    @Test
    void aReportThatNamesItselfOnlyByPronounHasNoAgencyAndSaysSo() {
        String text = """
                依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。
                一、总体情况
                2024年，我乡认真贯彻落实政府信息公开条例，由我乡党政办负责政府信息公开工作。
                二、主动公开政府信息情况
                """;
        Assessment a = assess("t.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isNull();
        assertThat(a.report().level()).isEqualTo("township");
        assertThat(ruleIds(a)).contains("COMP-AGENCY-UNKNOWN");
    }
}
