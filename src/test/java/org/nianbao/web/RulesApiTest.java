package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
                "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB"})
@org.junit.jupiter.api.Tag("database")
class RulesApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> validate(String... nameAndContent) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < nameAndContent.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + nameAndContent[i] + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(SignIn.asAdmin("http://localhost:" + port + "/api/rules/validate")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static java.util.List<org.nianbao.rules.RuleInfo> allRules() {
        return org.nianbao.rules.RuleSetLoader.load(Path.of("rules")).rules();
    }

    private String[] projectRules() throws Exception {
        return new String[] {
            "arithmetic.drl", Files.readString(Path.of("rules/arithmetic.drl")),
            "completeness.drl", Files.readString(Path.of("rules/completeness.drl")),
            "timeliness.drl", Files.readString(Path.of("rules/timeliness.drl")),
            "narrative.drl", Files.readString(Path.of("rules/narrative.drl")),
            "statements.yaml", Files.readString(Path.of("rules/statements.yaml"))};
    }

    @Test
    void listsTheActiveRules() throws Exception {
        HttpResponse<String> response = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/rules").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        JsonNode body = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("rules").size()).isEqualTo(allRules().size());
        assertThat(body.get("rules")).allSatisfy(r -> {
            assertThat(r.get("file").asString()).matches(".*\\.(drl|dslr|drl\\.xlsx)");
            assertThat(r.get("points").isNumber()).isTrue();
        });
    }

    @Test
    void acceptsValidRuleFiles() throws Exception {
        HttpResponse<String> response = validate(projectRules());

        assertThat(response.statusCode()).isEqualTo(200);
        // the uploads are checked over the files in force, as an activation would take them
        assertThat(json.readTree(response.body()).get("rules").asInt()).isEqualTo(allRules().size());
    }

    @Test
    void refusesABrokenRuleWith422AndItsFileAndLine() throws Exception {
        String[] files = projectRules();
        files[1] = files[1].replace("$c : TableCell(value != null, value < 0, column != \"change\")",
                "$c : TableCell(value != null, value < , column != \"change\")");

        HttpResponse<String> response = validate(files);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body()).get("problems").get(0);
        assertThat(problem.get("file").asString()).isEqualTo("arithmetic.drl");
        assertThat(problem.get("line").asInt()).isPositive();
    }

    @Test
    void tellsASentenceTheRuleLanguageLacksInChineseAtItsLineBeforeTheExpandersOwnMessage() throws Exception {
        String fee = Files.readString(Path.of("rules/information-fee.dslr"))
                .replace("全文没有说明「信息处理费收取情况」", "全文未说明「信息处理费收取情况」");

        HttpResponse<String> response = validate("information-fee.dslr", fee);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problems = json.readTree(response.body()).get("problems");
        assertThat(problems.get(0).get("file").asString()).isEqualTo("information-fee.dslr");
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(12);
        assertThat(problems.get(0).get("message").asString())
                .contains("「全文未说明「信息处理费收取情况」」不是规则语言中的句子", "全文没有说明「信息处理费收取情况」")
                .doesNotContain("information_fee", "Unable to expand");
        assertThat(response.body()).contains("Unable to expand"); // Drools' own, after it
    }

    @Test
    void refusesAFileThatIsNotARuleFile() throws Exception {
        assertThat(validate("report.txt", "一、总体情况").statusCode()).isEqualTo(400);
    }
}
