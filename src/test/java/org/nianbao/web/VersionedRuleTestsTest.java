package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rule tests are part of the version they test: stored with it, run on activation, served from it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:versioned-tests;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class VersionedRuleTestsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private record Part(String field, String fileName, String content) {
    }

    private HttpResponse<String> activate(Part... parts) throws Exception {
        Multipart body = new Multipart();
        for (Part p : parts) {
            if (p.fileName() == null) {
                body.fields(p.field(), p.content());
            } else {
                body.file(p.field(), p.fileName(), p.content());
            }
        }
        return http.send(body.post(SignIn.asAdmin("http://localhost:" + port + "/api/rules/activate")),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(http.send(SignIn.asAdmin("http://localhost:" + port + path).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    @Test
    void aNewRuleTestIsActivatedWithTheRulesAndRunFromTheVersionInForce() throws Exception {
        String report = Files.readString(Path.of("rules/tests/reports/000_0b909c2a4ee59f11.txt"));
        String failing = "cases:\n  - name: 新案例应当失败\n    report: reports/extra-000.txt\n    mustFire: [TIME-PUBLISHED-LATE]\n";
        long before = get("/api/rules/tests").get("passed").asLong();

        HttpResponse<String> refused = activate(new Part("reason", null, "加一个测试"),
                new Part("tests", "extra.yaml", failing), new Part("tests", "extra-000.txt", report));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("新案例应当失败", "TIME-PUBLISHED-LATE");

        String passing = failing.replace("应当失败", "应当通过").replace("TIME-PUBLISHED-LATE", "TIME-DATE-MISSING");
        HttpResponse<String> activated = activate(new Part("reason", null, "加一个测试"),
                new Part("tests", "extra.yaml", passing), new Part("tests", "extra-000.txt", report));
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(json.readTree(activated.body()).get("diff").asString())
                .contains("新增 tests/extra.yaml", "新增 tests/reports/extra-000.txt");

        JsonNode tests = get("/api/rules/tests");
        assertThat(tests.get("failed").asLong()).isZero();
        assertThat(tests.get("passed").asLong()).isEqualTo(before + 1);
        assertThat(tests.get("results").toString()).contains("新案例应当通过");
    }

    @Test
    void theScorecardsARequestMayChooseArePartOfTheVersion() throws Exception {
        JsonNode first = get("/api/rules/versions");
        String seeded = first.get(first.size() - 1).get("diff").asString();
        assertThat(seeded).contains("scorecard.yaml", "scorecards/default.yaml", "scorecards/self-check.yaml", "规则测试");

        assertThat(get("/api/scorecards").toString()).contains("self-check");
    }

    @Test
    void aRuleTestCannotReadAFileOutsideItsFolder() throws Exception {
        String escaping = "cases:\n  - name: 越界读取\n    report: ../../../../../../etc/hostname\n    mustNotFire: [TIME-DATE-MISSING]\n";

        HttpResponse<String> refused = activate(new Part("reason", null, "越界"), new Part("tests", "escape.yaml", escaping));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("越界读取", "不在测试目录中");
    }

    @Test
    void aTestFileThatIsNoTestFileIsRefused() throws Exception {
        HttpResponse<String> refused = activate(new Part("reason", null, "x"), new Part("tests", "hostname.yaml", "just-a-name\n"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("tests/hostname.yaml", "cases");
    }

    @Test
    void anUploadNamedOutsideTheBundleIsRefused() throws Exception {
        for (String name : List.of("..", "a:b.yaml", ".hidden.yaml")) {
            HttpResponse<String> refused = activate(new Part("reason", null, "x"), new Part("tests", name, "cases: []\n"));
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("message").asString()).contains("文件名");
        }
    }
}
