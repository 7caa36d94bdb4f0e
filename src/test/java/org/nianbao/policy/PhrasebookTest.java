package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The phrasebook (rules/tests/phrasebook.yaml): real sentences, each with the reading it must get. It runs with the
 * other rule tests (RuleCasesTest, {@code rules test}); here: that it is what it says it is, and that a wrong reading
 * fails.
 */
class PhrasebookTest {

    private static final Path FILE = Samples.RULES.resolve("tests/phrasebook.yaml");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private static List<Phrasebook.Phrase> phrases() throws IOException {
        return Phrasebook.phrases(YAML.readTree(Files.readAllBytes(FILE)), YAML);
    }

    @Test
    void holdsAtLeastThreeHundredRealSentencesFromSixtyAgenciesBothWays() throws IOException {
        // every sentence says where it was found: a page's address, a sample report or one of the PDFs
        List<Phrasebook.Phrase> phrases = phrases();

        assertThat(phrases).hasSizeGreaterThanOrEqualTo(300)
                .allSatisfy(p -> assertThat(p.source()).as(p.text()).isNotBlank());
        assertThat(phrases.stream().map(Phrasebook.Phrase::agency).distinct().count()).isGreaterThanOrEqualTo(60);
        Map<String, Long> byPolarity = phrases.stream().collect(Collectors.groupingBy(Phrasebook.Phrase::polarity,
                Collectors.counting()));
        assertThat(byPolarity.get("positive")).isGreaterThanOrEqualTo(100);
        assertThat(byPolarity.get("negative")).isGreaterThanOrEqualTo(100);
    }

    @Test
    void everyKindHasSentencesThatStateItAndSentencesThatDoNot() throws IOException {
        Map<String, java.util.Set<String>> polarities = phrases().stream().collect(Collectors.groupingBy(
                Phrasebook.Phrase::kind, Collectors.mapping(Phrasebook.Phrase::polarity, Collectors.toSet())));

        assertThat(polarities.keySet()).containsExactlyInAnyOrderElementsOf(Phrasebook.KINDS);
        assertThat(polarities).allSatisfy((kind, both) -> assertThat(both).as(kind).contains("positive", "negative"));
    }

    @Test
    void aSentenceReadOtherwiseThanWrittenFailsWithWhatWasRead() {
        Phrasebook.Phrase wrong = new Phrasebook.Phrase("information_fee", "本年度未收取政府信息公开信息处理费。",
                "charged", "六", null, "衢州市应急管理局", 2023, "http://example", null, "positive");
        Phrasebook.Phrase missing = new Phrasebook.Phrase("information_fee", "无其他需要报告的事项。",
                "not_charged", "六", null, "衢州市应急管理局", 2023, "http://example", null, "negative");

        List<RuleCases.Result> results = Phrasebook.run(Samples.assessor(), "tests/x.yaml", List.of(wrong, missing));

        assertThat(results.get(0).failures()).containsExactly("应读作「charged」，实际读作「not_charged」");
        assertThat(results.get(1).failures()).containsExactly("应读作「not_charged」，实际读作「not_stated」",
                "规则 NARR-NO-INFO-FEE 不应触发，但触发了");
    }
}
