package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;

class HtmlReaderTest {

    /** Table 3 as government sites print it: merged header cells, vertical labels spanning rows. */
    @Test
    void aNoticePagesDateAfterAFullWidthColonIsItsPageDate() {
        String page = "<html><head><meta charset=\"utf-8\"></head><body><h1>关于公开年度报告的通知</h1>"
                + "<p>发布时间：2024-01-30</p><p>附件：<a href=\"r.pdf\">××局2023年政府信息公开工作年度报告.pdf</a></p></body></html>";

        assertThat(Readers.read("notice.html", page.getBytes(StandardCharsets.UTF_8)).pageDate())
                .isEqualTo(java.time.LocalDate.of(2024, 1, 30));
        assertThat(PageDates.inText("成文日期：2023年12月28日 其他")).isEqualTo(java.time.LocalDate.of(2023, 12, 28));
    }

    @Test
    void readsATableWithRowAndColumnSpans() {
        String page = """
                <html><head><meta charset="utf-8"><meta name="PubDate" content="2024-01-28 10:00"></head><body>
                <div class="breadcrumb">首页 &gt; 政府信息公开 &gt; 年报 2024</div>
                <div id="zoom">
                <h1>某市交通运输局2023年政府信息公开工作年度报告</h1>
                <p>本报告所列数据的统计期限自2023年1月1日起至12月31日止。</p>
                <p>一、总体情况</p><p>2023年，我局共收到政府信息公开申请3件。</p>
                <p>二、主动公开政府信息情况</p>
                <table><tr><td colspan="4">第二十条第（一）项</td></tr>
                <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
                <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td>行政规范性文件</td><td>1</td><td>0</td><td>5</td></tr></table>
                <p>三、收到和处理政府信息公开申请情况</p>
                <table>
                <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
                    <td colspan="7">申请人情况</td></tr>
                <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
                <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
                <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>2</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
                <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
                <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
                <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td colspan="3">四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                </table>
                </div>
                <div class="share">分享到 打印本页 2 3 4</div>
                </body></html>
                """;

        Assessment a = Samples.assessor().assess("page.html", page.getBytes(StandardCharsets.UTF_8), AssessmentOptions.NONE);

        Map<String, Number> cells = a.facts().cells().stream().filter(c -> c.value() != null)
                .collect(Collectors.toMap(c -> c.table() + "/" + c.row() + "/" + c.column(), Assessment.Cell::value));
        assertThat(cells).containsEntry("3/new_received/natural_person", 2L)
                .containsEntry("3/new_received/commercial_enterprise", 1L)
                .containsEntry("3/new_received/total", 3L)
                .containsEntry("3/granted/total", 2L)
                .containsEntry("3/denied_state_secret/natural_person", 1L)
                .containsEntry("3/denied_law_prohibited/total", 0L)
                .containsEntry("3/carried_forward/total", 0L)
                .containsEntry("2/normative_documents/in_force", 5L);
        assertThat(a.report().agency()).isEqualTo("某市交通运输局");
        assertThat(a.report().publishedOn()).isEqualTo("2024-01-28");
        assertThat(a.report().publishedOnSource()).isEqualTo("page");
        // rows the page leaves out are missing rows, not an imbalance
        assertThat(a.findings()).anyMatch(f -> f.ruleId().equals("COMP-T3-ROW-MISSING"));
        // no equation fails on the rows that are there (the rows left out of this excerpt fail as missing)
        assertThat(a.findings()).noneMatch(f -> f.category().equals("arithmetic") && f.isErrorOrWarning()
                && !f.ruleId().endsWith("-UNCHECKABLE") && !f.ruleId().endsWith("-ABSENT"));
    }

    private static String page(String head, String foot) {
        return """
                <html><head><meta charset="utf-8"></head><body>
                <div class="article">
                <h1>某市交通运输局2023年政府信息公开工作年度报告</h1>
                """ + head + """
                <p>一、总体情况</p><p>2023年，我局认真贯彻落实政府信息公开条例。</p>
                <p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
                <p>六、其他需要报告的事项</p><p>本机关未收取信息处理费。</p>
                </div>
                """ + foot + """
                </body></html>
                """;
    }

    private static final String RELATED = """
            <div class="related"><h3>相关链接</h3><ul>
            <li><a href="/a.html">某市交通运输局2022年政府信息公开工作年度报告</a> 发布日期：2023-05-01</li></ul></div>
            <div class="footer">版权所有 某市人民政府 发布时间：2025-01-01</div>
            """;

    @Test
    void theDateOfARelatedLinkOrTheFooterIsNeverThePublicationDate() {
        Assessment a = Samples.assessor().assess("page.html", page("", RELATED).getBytes(StandardCharsets.UTF_8),
                AssessmentOptions.NONE);

        assertThat(a.report().publishedOn()).isNull();
    }

    @Test
    void theDateUnderThePagesTitleIsThePublicationDateWhateverTheFooterSays() {
        Assessment a = Samples.assessor().assess("page.html",
                page("<div class=\"info\">时间：2024-01-26 来源：某市交通运输局</div>", RELATED).getBytes(StandardCharsets.UTF_8),
                AssessmentOptions.NONE);

        assertThat(a.report().publishedOn()).isEqualTo("2024-01-26");
        assertThat(a.report().publishedOnSource()).isEqualTo("page");
    }
}
