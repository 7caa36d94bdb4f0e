package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning from reviews, over HTTP on H2: reviewers confirm and dismiss findings in two rounds, and the workbench
 * and {@code GET /api/rules/reviews} say, per rule and round, how many findings it raised, how many were confirmed
 * and dismissed, and why — the rules dismissed most first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:fairness-test;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class ReviewStatisticsApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(SignIn.asAdmin(url(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(SignIn.asAdmin(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A round of one agency with one sample handed in and scored, where one reviewer decides; its assessment id. */
    private long[] roundWith(String roundName, String agency, String sample) throws Exception {
        HttpResponse<String> created = postJson("/api/rounds", "{\"name\":\"" + roundName
                + "\",\"year\":2023,\"secondReviewer\":false}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long round = json.readTree(created.body()).get("id").asLong();
        http.send(new Multipart().file("file", "list.csv", "单位名称\n" + agency + "\n")
                .post(SignIn.asAdmin(url("/api/rounds/" + round + "/agencies"))), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> accepted = http.send(new Multipart().file("file", sample, Samples.bytes(sample))
                .post(SignIn.asAdmin(url("/api/rounds/" + round + "/submissions"))), HttpResponse.BodyHandlers.ofString());
        String job = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 1200 && !json.readTree(get(job).body()).get("state").asString().equals("done"); i++) {
            Thread.sleep(100);
        }
        JsonNode row = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0);
        assertThat(row.get("status").asString()).isEqualTo("scored");
        return new long[] {round, row.get("assessmentId").asLong()};
    }

    /** The fingerprints of an assessment's findings of a rule, as a reviewer sees them. */
    private List<String> fingerprints(long assessment, String ruleId) throws Exception {
        JsonNode review = json.readTree(get("/api/assessments/" + assessment + "/reviews").body()).get("review");
        return java.util.stream.Stream.concat(review.get("undecided").valueStream(), review.get("failures").valueStream())
                .filter(i -> i.get("ruleId").asString().equals(ruleId)).map(i -> i.get("fingerprint").asString()).toList();
    }

    private void decide(long assessment, String fingerprint, String decision, String reason) throws Exception {
        HttpResponse<String> done = postJson("/api/assessments/" + assessment + "/reviews", json.writeValueAsString(
                Map.of("fingerprint", fingerprint, "decision", decision, "reason", reason)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private static JsonNode rowOf(JsonNode rows, String ruleId, long round) {
        return rows.valueStream().filter(r -> r.get("ruleId").asString().equals(ruleId) && r.get("roundId").asLong() == round)
                .findFirst().orElse(null);
    }

    @Test
    void theWorkbenchShowsPerRuleAndRoundHowOftenReviewersDismissedItsFindingsAndWhy() throws Exception {
        long[] xinzhou = roundWith("2023年度市级评估", "忻州市应急管理局", "004_e93a6eea8c407df3.txt");
        long[] quzhou = roundWith("2023年度复评", "衢州市应急管理局", "000_0b909c2a4ee59f11.txt");
        JsonNode none = json.readTree(get("/api/rules/reviews").body());
        assertThat(none.valueStream().filter(r -> r.get("roundId").asLong() == xinzhou[0])).isEmpty();

        // 004: its signature date dismissed, one of its eleven missing rows of table 3 dismissed, another confirmed
        decide(xinzhou[1], fingerprints(xinzhou[1], "TIME-SIGNED-IN-REPORT-YEAR").get(0), "dismissed",
                "落款日期为笔误，网页发布时间为2024年1月20日");
        List<String> rows = fingerprints(xinzhou[1], "COMP-T3-ROW-MISSING");
        assertThat(rows).hasSize(11);
        decide(xinzhou[1], rows.get(0), "dismissed", "该行在原文的附表中");
        decide(xinzhou[1], rows.get(1), "confirmed", "确实缺少");
        // 000, in another round: its missing date dismissed
        decide(quzhou[1], fingerprints(quzhou[1], "TIME-DATE-MISSING").get(0), "dismissed", "网页上有发布日期");

        JsonNode stats = json.readTree(get("/api/rules/reviews").body());
        JsonNode signed = rowOf(stats, "TIME-SIGNED-IN-REPORT-YEAR", xinzhou[0]);
        assertThat(signed.get("round").asString()).isEqualTo("2023年度市级评估");
        assertThat(signed.get("found").asInt()).isEqualTo(1);
        assertThat(signed.get("dismissed").asInt()).isEqualTo(1);
        assertThat(signed.get("dismissedPercent").asDouble()).isEqualTo(100.0);
        assertThat(signed.get("dismissals").get(0).get("agency").asString()).isEqualTo("忻州市应急管理局");
        assertThat(signed.get("dismissals").get(0).get("reason").asString()).contains("笔误");
        JsonNode missingRows = rowOf(stats, "COMP-T3-ROW-MISSING", xinzhou[0]);
        assertThat(missingRows.get("found").asInt()).isEqualTo(11); // ten standing and the one dismissed
        assertThat(missingRows.get("confirmed").asInt()).isEqualTo(1);
        assertThat(missingRows.get("dismissed").asInt()).isEqualTo(1);
        assertThat(missingRows.get("dismissedPercent").asDouble()).isEqualTo(9.1);
        JsonNode date = rowOf(stats, "TIME-DATE-MISSING", quzhou[0]);
        assertThat(date.get("dismissed").asInt()).isEqualTo(1);
        assertThat(rowOf(stats, "TIME-DATE-MISSING", xinzhou[0])).isNull(); // each round apart
        // a rule nobody decided on is not listed, though it found something
        assertThat(rowOf(stats, "COMP-BLANK-CELL", xinzhou[0])).isNull();
        // most dismissed first, then the largest share: the signature rule before the rows of table 3
        List<String> order = stats.valueStream().filter(r -> r.get("roundId").asLong() == xinzhou[0])
                .map(r -> r.get("ruleId").asString()).toList();
        assertThat(order).containsExactly("TIME-SIGNED-IN-REPORT-YEAR", "COMP-T3-ROW-MISSING");

        assertThat(http.send(HttpRequest.newBuilder(java.net.URI.create(url("/api/rules/reviews"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401); // an account is needed

        String workbench = workbench();
        assertThat(workbench).contains("复核反馈", "2023年度市级评估（2023年度）", "2023年度复评（2023年度）",
                "忻州市应急管理局：落款日期为笔误，网页发布时间为2024年1月20日", "衢州市应急管理局：网页上有发布日期", "9.1%");
        assertThat(workbench.indexOf("<code>TIME-SIGNED-IN-REPORT-YEAR</code>"))
                .isLessThan(workbench.indexOf("<code>COMP-T3-ROW-MISSING</code>"));
    }


    /** The workbench as policy staff see it, signed in through the form. */
    private String workbench() throws Exception {
        return new PageSession(url(""), null).signedIn(SignIn.ADMIN, SignIn.ADMIN_PASSWORD).get("/workbench").body();
    }
}
