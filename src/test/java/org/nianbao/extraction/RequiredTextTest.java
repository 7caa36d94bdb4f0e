package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.Samples;
import org.nianbao.reading.TextNormalizer;
import org.nianbao.rules.RuleSetLoader;

class RequiredTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "工作要点# 工作要点",
            "责任追究|问责|追责# 责任追究,问责,追责",
            "政协(委员)?提案# 政协",
            "创新(?:做法|举措)|特色亮点# 创新,特色亮点",
            "(政府信息公开|依申请公开)[^。;]{0,12}(收费|收取[^。;]{0,4}费用)# 政府信息公开,依申请公开",
            "考核[^。]{0,16}(?:结果|等次)|(?:未|没有)[^。]{0,8}考核# 考核,未,没有",
            "××|(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|[（(]说明[:：]# ××,X,Ｘ,（,(",
            "满意度(?:测评|调查)?# 满意度",
            "ab+c# ab",
            "a\\.b# a.b",
    })
    void findsTheWordsEveryMatchContains(String regex, String words) {
        assertThat(RequiredText.of(Pattern.compile(regex)).words()).containsExactlyInAnyOrder(words.split(","));
    }

    @Test
    void aLineMustHoldAWordOfEachPartOfOneAlternative() {
        RequiredText required = RequiredText.of(Pattern.compile("信息处理费|(政府信息公开|依申请公开)[^。;]{0,12}(收费|收取[^。;]{0,4}费用)"));

        assertThat(required.mayMatch("本机关政府信息公开工作稳步推进")).isFalse();
        assertThat(required.mayMatch("依申请公开未收费")).isTrue();
        assertThat(required.mayMatch("未收取信息处理费")).isTrue();
        assertThat(required.mayMatch("收费标准")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "建议|\\d+件",           // one alternative has no word
            "(?i)abc",               // flags
            "(a)\\1",                // a back reference
            "[^。]{2,}",             // nothing literal
            "(?:收费)?通知?",         // everything optional but 通
            "[a-z]+",               // a range
            "\\Qx|y\\E",            // quoting
    })
    void leavesAnExpressionItDoesNotKnowWithoutAFilterOrWithASafeOne(String regex) {
        RequiredText required = RequiredText.of(Pattern.compile(regex));
        for (String text : List.of("建议12件", "ABC", "aa", "。。", "通", "收费通知", "xyz", "x|y")) {
            if (Pattern.compile(regex).matcher(text).find()) {
                assertThat(required.mayMatch(text)).as(regex + " on " + text).isTrue();
            }
        }
    }

    @Test
    void noStatementOfTheRulesIsMissedOnAnyLineOfTheSamplesAndExcerpts() throws IOException {
        StatementCatalog catalog = RuleSetLoader.load(Samples.RULES).statements();
        List<String> lines = new ArrayList<>();
        for (Path dir : List.of(Samples.DIR, Path.of("src/test/resources/excerpts"), Path.of("../shared/samples/more"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.readString(f, StandardCharsets.UTF_8).lines().map(TextNormalizer::compact).forEach(lines::add);
                }
            }
        }
        int matched = 0;
        int passedOver = 0;
        for (StatementCatalog.Entry e : catalog.entries()) {
            for (String line : lines) {
                boolean matches = e.pattern().matcher(line).find();
                boolean may = e.required().mayMatch(line);
                assertThat(may || !matches).as(e.kind() + " on 「" + line + "」").isTrue();
                matched += matches ? 1 : 0;
                passedOver += may ? 0 : 1;
            }
        }
        assertThat(matched).as("statements found").isGreaterThan(10);
        assertThat(passedOver).as("lines passed over without the expression").isGreaterThan(lines.size() * catalog.entries().size() / 2);
    }

    @Test
    void noMatchIsMissedInRandomTextMadeOfTheExpressionsOwnCharacters() {
        List<String> regexes = List.of("信息处理费|收费通知|(政府信息公开|依申请公开|公开申请)[^。;]{0,12}(收费|收取[^。;]{0,4}费用)",
                "(上一?年度?|去年|上年)[^。]{0,30}(问题|不足)[^。]{0,30}(整改|改进)|整改落实情况",
                "××|ＸＸ|(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|[（(]说明[:：]|[【\\[]请?填写|此处填写",
                "人大代表建议|政协(委员)?提案|建议提案|建议和提案|建议、提案");
        Random random = new Random(20261202);
        for (String regex : regexes) {
            Pattern p = Pattern.compile(regex);
            RequiredText required = RequiredText.of(p);
            String alphabet = regex.replaceAll("[\\\\\\[\\]{}()|?*+^,0-9:<!=]", "") + "。a";
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                int length = 2 + random.nextInt(14);
                for (int j = 0; j < length; j++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (p.matcher(text).find()) {
                    assertThat(required.mayMatch(text.toString())).as(regex + " on " + text).isTrue();
                }
            }
        }
    }
}
