package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpeningsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "(?:收到|受理|接收|接到)了?[^,。;:]{0,16}?申请(\\d+)件# true",
            "未(?:收到|受理)(?:过)?[^,。;]{0,16}?申请# true",
            "信息处理费|收费通知|(政府信息公开|依申请公开)[^。;]{0,12}收费# true",
            "不足|需要?进一步|待提升# true",
            "行政复议(?:案件|申请)?[^,。;\\d]{0,4}?(\\d+)(?:件|起|宗)# true",
            "(\\d+)件(?:已|均已)?办结# false",
            "办结|(\\d+)件# false",
            "××|(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])# true",
            "发出|[1-9]\\d*件# true",
            "[0-9０-９]件# true",
            "[一-龥]件# false",
            "[\\d]件# false",
            "(?:收到|受理)?申请# false",
            "a?bc# false",
            "(?i)申请# false",
            "申请|# false",
            "[（(]说明# true",
            "(?<=。)申请# true",
            "(?<!查出)(?=问题)问题整改# true",
            "(?<!查出)?申请# true",
            "(?<!查出)a?申请# false",
            ".申请# false",
    })
    void knowsTheOpeningWordsOnlyOfAnExpressionThatOpensWithLiteralWords(String expression, boolean known) {
        assertThat(Openings.of(Pattern.compile(expression)).known()).isEqualTo(known);
    }

    @Test
    void anExpressionWithFlagsIsSearchedAsItIs() {
        assertThat(Openings.of(Pattern.compile("申请", Pattern.CASE_INSENSITIVE)).known()).isFalse();
    }

    /** Every match, as start, end and groups, in the order found. */
    private static List<String> plain(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(describe(m));
        }
        return found;
    }

    private static List<String> opened(Pattern p, Openings openings, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        for (int from = 0; openings.find(m, text, from); from = Openings.after(m)) {
            found.add(describe(m));
        }
        return found;
    }

    private static String describe(Matcher m) {
        StringBuilder s = new StringBuilder(m.start() + "-" + m.end());
        for (int g = 1; g <= m.groupCount(); g++) {
            s.append('|').append(m.group(g));
        }
        return s.toString();
    }

    @Test
    void findsExactlyWhatTheExpressionFindsOnItsOwn() throws IOException {
        List<Pattern> patterns = new ArrayList<>(NarrativeReader.openedPatterns());
        Matcher yaml = Pattern.compile("pattern: \"(.*)\"").matcher(Files.readString(Path.of("rules/statements.yaml")));
        while (yaml.find()) {
            patterns.add(Pattern.compile(yaml.group(1).replace("\\\\", "\\")));
        }
        patterns.add(Pattern.compile("(?:^|年)本年|年度"));
        patterns.addAll(TableReader.openedPatterns());
        patterns.add(Pattern.compile("x*|y")); // matches nothing at every place: searched as it is
        assertThat(patterns).hasSizeGreaterThan(20);
        String[] pieces = {"收到", "受理", "申请", "公开件", "未", "复议", "行政复议", "诉讼", "行政诉讼", "办结", "答复",
                "件", "份", "起", "宗", "个", "条", "不予处理", "上年", "结转", "信息处理费", "收费", "政府信息公开",
                "依申请公开", "问题", "不足", "需", "要", "进一步", "考核", "结果", "年度", "本年", "X", "XX", "说明",
                "(", "（", ":", "。", ",", ";", "0", "3", "12", "了", "过", "的", "我局", "本机关", "全年", "共", "本", "我",
                "局", "2023", "年", "将", "继续", "计划", "在", "下一步", "整改", "同比", "第二十条第", "一", "九", ")", "项",
                "申请人情况", "本年新收", "存在的主要问题"};
        // each expression's openings worked out once, as the extractor keeps them
        Map<Pattern, Openings> openings = new LinkedHashMap<>();
        patterns.forEach(p -> openings.put(p, Openings.of(p)));
        Random random = new Random(20261203);
        int compared = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            for (Pattern p : patterns) {
                Openings opening = openings.get(p);
                assertThat(opened(p, opening, text.toString())).as("%s in %s", p, text).isEqualTo(plain(p, text.toString()));
                assertThat(opening.in(text.toString())).as("%s in %s", p, text).isEqualTo(p.matcher(text).find());
                Matcher first = opening.match(text.toString());
                Matcher plain = p.matcher(text);
                assertThat(first == null ? null : describe(first)).as("%s in %s", p, text)
                        .isEqualTo(plain.find() ? describe(plain) : null);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(60_000);
    }
}
