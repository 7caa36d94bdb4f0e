package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.Samples;
import org.nianbao.reading.TextDecoder;
import org.nianbao.report.ReportFacts;
import org.nianbao.report.TableCell;
import org.nianbao.rules.RuleSetLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every table cell and the metadata of the five samples, against the golden file. */
class SampleGoldenTest {

    private static final JsonNode GOLDEN = JsonMapper.builder().build()
            .readTree(Path.of("src/test/resources/golden/samples-truth.json").toFile());
    private static final ReportExtractor EXTRACTOR =
            new ReportExtractor(RuleSetLoader.load(Samples.RULES).statements(), RuleSetLoader.load(Samples.RULES).organs());

    static List<String> samples() {
        return Samples.NAMES;
    }

    private static ReportFacts extract(String name) {
        return EXTRACTOR.extract(TextDecoder.decode(name, Samples.bytes(name)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void extractsEveryTableCell(String name) {
        Map<String, TableCell> cells = new HashMap<>();
        extract(name).cells().forEach(c -> cells.put(c.table() + "/" + c.row() + "/" + c.column(), c));
        JsonNode expected = GOLDEN.get(name).get("cells");

        assertThat(expected.size()).isGreaterThan(100);
        for (JsonNode cell : expected) {
            String key = cell.get("table").asString() + "/" + cell.get("row").asString() + "/" + cell.get("column").asString();
            assertThat(cells).as("cell %s of %s", key, name).containsKey(key);
            JsonNode value = cell.get("value");
            if (value.isNull()) {
                assertThat(cells.get(key).value()).as("blank cell %s", key).isNull();
            } else {
                assertThat(cells.get(key).value()).as("cell %s", key).isEqualTo(value.asDouble());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsTheMetadata(String name) {
        ReportFacts facts = extract(name);
        JsonNode expected = GOLDEN.get(name);

        assertThat(facts.report().year()).isEqualTo(expected.get("year").asInt());
        assertThat(facts.report().format()).isEqualTo(expected.get("format").asString());
        JsonNode published = expected.get("publishedOn");
        assertThat(facts.report().publishedOn() == null ? null : facts.report().publishedOn().toString())
                .isEqualTo(published.isNull() ? null : published.asString());
    }

    @org.junit.jupiter.api.Test
    void reportsNoCellOfTheRowsWhereTable3OfSample004StopsShort() {
        String name = "004_e93a6eea8c407df3.txt";
        JsonNode absent = GOLDEN.get(name).get("absent_rows");
        List<String> rows = absent.get("3").valueStream().map(JsonNode::asString).toList();
        assertThat(rows).contains("results_total", "carried_forward");
        assertThat(extract(name).cells()).noneMatch(c -> c.table().equals("3") && rows.contains(c.row()));
    }
}
