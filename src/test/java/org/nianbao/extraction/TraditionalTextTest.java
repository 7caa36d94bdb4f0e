package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.extraction.IncompleteReportsTest.assess;
import static org.nianbao.extraction.IncompleteReportsTest.cells;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.reading.TextDecoder;

/** A report in traditional characters is read as the simplified text it was published in; a simplified one is left alone. */
class TraditionalTextTest {

    @Test
    void aSampleInTraditionalCharactersGivesTheSameAgencyYearAndCellsAsTheSample() {
        String name = "000_0b909c2a4ee59f11.txt";
        String traditional = ZhConverterUtil.toTraditional(Samples.text(name));
        assertThat(traditional).contains("衢州市應急管理局", "總體情況");

        Assessment sample = Samples.assess(name);
        Assessment read = assess("t.txt", traditional.getBytes(StandardCharsets.UTF_8));

        assertThat(read.report().agency()).isEqualTo("衢州市应急管理局");
        assertThat(read.report().year()).isEqualTo(2023);
        assertThat(cells(read)).isEqualTo(cells(sample));
        assertThat(read.findings()).anySatisfy(f -> assertThat(f.message()).contains("繁体字"));
    }

    @Test
    void taiwanWordsAndPinyinGlossesOfCopiesAreTakenBack() {
        assertThat(TraditionalText.convert("宿遷市審計局及時公開機構領導、政策檔案、規劃計畫等信息"))
                .isEqualTo("宿迁市审计局及时公开机构领导、政策文件、规划计划等信息");
        assertThat(TraditionalText.convert("發(fā)布時間: 2021-01-31 17:45:13")).isEqualTo("发布时间: 2021-01-31 17:45:13");
    }

    @Test
    void aPageDateInTraditionalCharactersIsRead() {
        Assessment a = assess("t.txt", ("蘭州新區經濟合作局關于2023年政府信息公開工作年度報告\n來源: 蘭州新區經濟合作局\n時間: 2024/01/31/ 17:33\n"
                + "一、總體情況\n2023年，我局認真貫徹落實政府信息公開條例。\n二、主動公開政府信息情況\n三、收到和處理政府信息公開申請情況\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(a.report().agency()).isEqualTo("兰州新区经济合作局");
        assertThat(a.report().publishedOn()).isEqualTo("2024-01-31");
    }

    @Test
    void aSimplifiedReportIsNotConverted() {
        for (String name : Samples.NAMES) {
            assertThat(TraditionalText.isTraditional(TextDecoder.decode(name, Samples.bytes(name)))).as(name).isFalse();
        }
        var text = TextDecoder.decode("t.txt", "乾县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n着力推进政务公开。"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(TraditionalText.simplified(text)).isSameAs(text);
    }
}
