package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"还存在一些不足", "一是与群众期待还有差距。", "（二）政务公开工作有待进一步加强", "我局信息公开工作质量还需提升",
            "", "  "})
    void stockPhrasesAloneAreGeneric(String problem) {
        assertThat(Boilerplate.isGeneric(problem)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"政策解读形式单一", "一是网站栏目更新不及时", "依申请公开答复文书格式不统一", "还存在一些不足，如APP更新慢"})
    void aProblemThatSaysWhatIsWrongIsNotGeneric(String problem) {
        assertThat(Boilerplate.isGeneric(problem)).isFalse();
    }

    @Test
    void aProblemWithNoTextIsGeneric() {
        assertThat(Boilerplate.isGeneric(null)).isTrue();
    }

    // ---- the definition, with the same phrases: take the ordinal and every stock phrase out, count what is left ----

    private static boolean byDefinition(String problem) {
        String rest = Boilerplate.STOCK.matcher(Boilerplate.ORDINAL.matcher(problem.strip()).replaceFirst("")).replaceAll("");
        return Pattern.compile("[\\u4e00-\\u9fa5A-Za-z]").matcher(rest).results().count() < 2;
    }

    @Test
    void answersAsTheDefinitionOnEveryLineOfTheReports() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String dir : List.of("src/test/resources/samples", "rules/tests/reports")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    // a GBK rendering among them reads as stray characters: text all the same
                    new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).lines().forEach(lines::add);
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(1000);
        long generic = 0;
        for (String line : lines) {
            assertThat(Boilerplate.isGeneric(line)).as(line).isEqualTo(byDefinition(line));
            generic += byDefinition(line) ? 1 : 0;
        }
        assertThat(generic).as("both answers occur").isBetween(1L, (long) lines.size() - 1);
    }

    @Test
    void answersAsTheDefinitionOnRandomTextMadeOfStockPhrases() {
        String[] parts = {"还", "存在", "一些", "不足", "与", "群众", "期待", "差距", "我局", "我", "局", "工作", "，", "。", "一是",
                "（二）", "3.", "第四", "政务公开", "信息", "公开", "仍然", "仍", "然", "A", "b", "网站", "更新", "慢", " ", "\t",
                "一定的", "的", "新形势", "新", "形势"};
        Random random = new Random(20261202L);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(8);
            for (int j = 0; j < n; j++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String s = text.toString();
            assertThat(Boilerplate.isGeneric(s)).as(s).isEqualTo(byDefinition(s));
        }
    }
}
