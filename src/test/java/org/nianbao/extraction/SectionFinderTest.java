package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SectionFinderTest {

    @ParameterizedTest
    @ValueSource(strings = {"一、总体情况", "概述", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "五、存在问题及改进", "五、存在的主要问题",
            "六、其他需要报告的事项", "第六部分其他事项"})
    void aLineWithASectionTitleIsLookedAt(String line) {
        assertThat(SectionFinder.mayNameASection(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(一)主动公开", "三、本年度办理结果", "本机关全年共收到申请12件", "2024年1月20日", "行政复议",
            "衢州市应急管理局"})
    void aLineWithoutTheWordsOfAnyTitleIsPassedOver(String line) {
        assertThat(SectionFinder.mayNameASection(line)).isFalse();
    }
}
