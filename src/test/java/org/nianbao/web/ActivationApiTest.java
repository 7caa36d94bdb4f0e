package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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

/** Activating rulesets over HTTP: validated, tested, stored with the signed-in account and why, swapped in, reactivated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:activation-test;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class ActivationApiTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.nianbao.policy.ActivationService activation;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> post(String path, String fileName, String content, String... fields) throws Exception {
        Multipart body = new Multipart().fields(fields);
        if (fileName != null) {
            body.file("files", fileName, content);
        }
        return http.send(body.post(SignIn.asAdmin("http://localhost:" + port + path)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(http.send(SignIn.asAdmin("http://localhost:" + port + path).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    @Test
    void activatesARuleChangeStoresItsHistoryAndRollsBack() throws Exception {
        String startVersion = get("/api/rules").get("ruleset").asString();
        assertThat(get("/api/rules/versions").valueStream().map(v -> v.get("reason").asString())).anyMatch(r -> r.contains("启动时"));

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
        assertThat(history.get(0).get("activatedBy").asString()).isEqualTo(SignIn.ADMIN);
        assertThat(history.get(0).get("active").asBoolean()).isTrue();
        long firstId = history.get(history.size() - 1).get("id").asLong();

        // roll back to the version the service started with
        HttpResponse<String> back = http.send(SignIn.asAdmin("http://localhost:" + port
                        + "/api/rules/versions/" + firstId + "/activate?by=" + enc("王五") + "&reason=" + enc("撤回"))
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
            var stored = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/assessments")
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
        assertThat(xinzhou.get("change").asDouble()).isNegative();
        assertThat(xinzhou.get("added").get(0).asString()).startsWith("DSL-PROBLEMS-TOO-FEW");
        JsonNode qingzhen = runs.valueStream().filter(r -> r.get("source").asString().startsWith("001")).findFirst().orElseThrow();
        assertThat(qingzhen.get("change").asDouble()).isZero();
        assertThat(get("/api/rules/versions").get(0).get("reason").asString()).doesNotContain("problems"); // nothing activated
    }

    @Test
    void aRulesetThatFailsItsRuleTestsIsRefusedAndTheOldOneKeepsServing() throws Exception {
        String start = get("/api/rules").get("ruleset").asString();
        // the narrative rule of 「办结」 numbers removed: rules/tests expects it to fire on sample 001
        String narrative = Files.readString(Path.of("rules/narrative.drl"));
        int from = narrative.indexOf("// N6  正文说的办结/答复数");
        int to = narrative.indexOf("// N6  正文说的不予处理数");
        HttpResponse<String> refused = post("/api/rules/activate", "narrative.drl",
                narrative.substring(0, from) + narrative.substring(to), "by", "张三", "reason", "删去一条规则");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("failedTests").get(0).asString()).contains("NARR-HANDLED-MISMATCH");
        assertThat(get("/api/rules").get("ruleset").asString()).isEqualTo(start);
    }

    @Test
    void aChangedScorecardNumberChangesTheNextAssessmentWithoutARestart() throws Exception {
        String yaml = Files.readString(Path.of("scorecards/default.yaml"));
        String cardBefore = get("/api/rules").get("scorecard").asString();
        String before = assess("004_e93a6eea8c407df3.txt");
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"by", "张三"}, {"reason", "信息处理费提高到8分"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"scorecard\"; filename=\"default.yaml\"\r\n\r\n"
                + yaml.replace("points: 4\n    perFinding: 4\n", "points: 8\n    perFinding: 8\n") + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> activated = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/rules/activate")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(json.readTree(activated.body()).get("diff").asString()).contains("scorecard.yaml", "points: 8");

        try {
            String after = assess("004_e93a6eea8c407df3.txt");
            assertThat(Double.parseDouble(after)).isLessThan(Double.parseDouble(before)); // 004 omits the 信息处理费 statement
        } finally {
            long first = get("/api/rules/versions").valueStream().mapToLong(v -> v.get("id").asLong()).min().orElseThrow();
            HttpResponse<String> restored = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/rules/versions/"
                            + first + "/activate?by=" + enc("张三") + "&reason=" + enc("恢复")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(restored.statusCode()).isEqualTo(200);
            assertThat(get("/api/rules").get("scorecard").asString()).isEqualTo(cardBefore);
            assertThat(assess("004_e93a6eea8c407df3.txt")).isEqualTo(before);
        }
    }

    /** Uploads a sample and returns its score. */
    private String assess(String sample) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + sample
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(org.nianbao.Samples.bytes(sample));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/assessments")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return json.readTree(r.body()).get("score").asString();
    }

    @Test
    void theRuleTestsOfTheVersionInForceRunOnceAndAgainOnlyAfterAnActivation() throws Exception {
        var first = activation.testsInForce();
        assertThat(activation.testsInForce()).isSameAs(first);

        activation.activate(activation.filesInForce(), SignIn.ADMIN, "同一版本重新启用");

        assertThat(activation.testsInForce()).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void runsTheRuleTestsOverHttp() throws Exception {
        JsonNode tests = get("/api/rules/tests");

        assertThat(tests.get("failed").asInt()).isZero();
        assertThat(tests.get("passed").asInt()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anActivationNeedsAReason() throws Exception {
        HttpResponse<String> refused = post("/api/rules/activate", null, null, "reason", " ");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("message").asString()).contains("原因");
    }

    @Test
    void anUploadThatIsNoRuleFileIsRefused() throws Exception {
        HttpResponse<String> refused = post("/api/rules/activate", "notes.yaml", "a: 1\n", "reason", "x");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("message").asString()).contains("notes.yaml");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
