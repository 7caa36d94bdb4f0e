package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
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

/** Activating rulesets over HTTP: validated, tested, stored with who and why, swapped in, reactivated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:activation-test;DB_CLOSE_DELAY=-1")
class ActivationApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> post(String path, String fileName, String content, String... fields) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    @Test
    void activatesARuleChangeStoresItsHistoryAndRollsBack() throws Exception {
        String startVersion = get("/api/rules").get("ruleset").asString();
        assertThat(get("/api/rules/versions").get(0).get("reason").asString()).contains("启动时");

        // a broken rule is refused with its file and line; the ruleset in force keeps serving
        HttpResponse<String> refused = post("/api/rules/activate", "broken.drl",
                "package rules.broken;\nrule \"X\"\n  @check(\"C1\") @severity(\"error\")\nwhen\n  Report(year >= )\nthen\nend\n",
                "by", "张三", "reason", "试验");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("problems").get(0).get("file").asString()).isEqualTo("broken.drl");
        assertThat(get("/api/rules").get("ruleset").asString()).isEqualTo(startVersion);

        // a new Chinese-language rule joins the rules in force
        String dslr = Files.readString(Path.of("rules/examples/problems.dslr"));
        HttpResponse<String> activated = post("/api/rules/activate", "problems.dslr", dslr,
                "by", "李四", "reason", "2025年起要求至少列出两条问题");
        assertThat(activated.statusCode()).isEqualTo(200);
        JsonNode activation = json.readTree(activated.body());
        assertThat(activation.get("diff").asString()).contains("新增 problems.dslr");
        String newVersion = activation.get("version").asString();
        assertThat(get("/api/rules").get("ruleset").asString()).isEqualTo(newVersion);

        JsonNode history = get("/api/rules/versions");
        assertThat(history.get(0).get("activatedBy").asString()).isEqualTo("李四");
        assertThat(history.get(0).get("active").asBoolean()).isTrue();
        long firstId = history.get(history.size() - 1).get("id").asLong();

        // roll back to the version the service started with
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/rules/versions/" + firstId + "/activate?by=" + enc("王五") + "&reason=" + enc("撤回")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(json.readTree(back.body()).get("version").asString()).isEqualTo(startVersion);
        assertThat(get("/api/rules").get("ruleset").asString()).isEqualTo(startVersion);
    }

    @Test
    void aDryRunShowsWhatACandidateWouldChangeForTheYearsStoredReports() throws Exception {
        for (String name : new String[] {"004_e93a6eea8c407df3.txt", "001_0f3a3c160bddc4d1.txt"}) {
            String boundary = UUID.randomUUID().toString();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(org.nianbao.Samples.bytes(name));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            var stored = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assessments"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(stored.statusCode()).isEqualTo(201);
        }

        HttpResponse<String> response = post("/api/rules/dry-run", "problems.dslr",
                Files.readString(Path.of("rules/examples/problems.dslr")), "year", "2023");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode runs = json.readTree(response.body());
        JsonNode xinzhou = runs.valueStream().filter(r -> r.get("source").asString().startsWith("004")).findFirst().orElseThrow();
        assertThat(xinzhou.get("change").asDouble()).isEqualTo(-1.22);
        assertThat(xinzhou.get("added").get(0).asString()).startsWith("DSL-PROBLEMS-TOO-FEW");
        JsonNode qingzhen = runs.valueStream().filter(r -> r.get("source").asString().startsWith("001")).findFirst().orElseThrow();
        assertThat(qingzhen.get("change").asDouble()).isZero();
        assertThat(get("/api/rules/versions").get(0).get("reason").asString()).doesNotContain("problems"); // nothing activated
    }

    @Test
    void runsTheRuleTestsOverHttp() throws Exception {
        JsonNode tests = get("/api/rules/tests");

        assertThat(tests.get("failed").asInt()).isZero();
        assertThat(tests.get("passed").asInt()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anActivationNeedsWhoAndWhy() throws Exception {
        assertThat(post("/api/rules/activate", null, null, "by", " ", "reason", "x").statusCode()).isEqualTo(400);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
