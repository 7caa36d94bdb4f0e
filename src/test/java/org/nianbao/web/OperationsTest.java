package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators rely on: health for the load balancer, metrics for monitoring, a request id to find an error's log
 * lines, and a busy answer with Retry-After instead of an overloaded service.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:operations-test;DB_CLOSE_DELAY=-1",
                "nianbao.limits.assessing=1", "nianbao.limits.waiting=0"})
class OperationsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void readinessAndLivenessAreAnsweredWithoutSigningInAndNothingElseOfTheActuatorIs() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/actuator/health/readiness").body()).get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(403);
    }

    @Test
    void prometheusShowsAssessmentsByOutcomeAndFormatTheirDurationRefusalsTheQueueAndTheVersionInForce() throws Exception {
        HttpResponse<String> scored = http.send(new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))), HttpResponse.BodyHandlers.ofString());
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(201);
        HttpResponse<String> refused = http.send(new Multipart().file("file", "note.txt", "一份备忘录，不是年度报告。")
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        String version = json.readTree(scored.body()).get("ruleset").get("version").asString();

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("nianbao_assessments_total\\{[^}]*format=\"text\",outcome=\"scored\"[^}]*} [1-9]")
                .containsPattern("nianbao_assessments_total\\{[^}]*outcome=\"rejected\"[^}]*} [1-9]")
                .contains("nianbao_assessment_duration_seconds_bucket{")
                .containsPattern("nianbao_refusals_total\\{[^}]*reason=\"not_a_report\"[^}]*} [1-9]")
                .contains("nianbao_jobs_queue_depth{")
                .containsPattern("nianbao_ruleset_info\\{[^}]*version=\"" + version + "\"[^}]*} 1");
    }

    @Test
    void everyAnswerCarriesARequestIdAndAnErrorBodyNamesIt() throws Exception {
        HttpResponse<String> own = http.send(new Multipart().file("file", "note.txt", "不是报告")
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments"))).header("X-Request-Id", "check-42")),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(own.headers().firstValue("X-Request-Id")).hasValue("check-42");
        assertThat(json.readTree(own.body()).get("requestId").asString()).isEqualTo("check-42");

        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(url("/api/assessments/1"))).header(
                "X-Request-Id", "not a token; <script>").build(), HttpResponse.BodyHandlers.ofString());
        String id = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(json.readTree(made.body()).get("requestId").asString()).isEqualTo(id);
    }

    @Test
    void overTheLimitAReportIsAnswered503WithRetryAfterAndTheOthersAreAssessed() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("src/test/resources/pdf/huaian-2024.pdf"));
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(http.sendAsync(new Multipart().file("file", "huaian.pdf", pdf)
                    .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 503).contains(201, 503);
        HttpResponse<String> busy = answers.stream().filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
        JsonNode body = json.readTree(busy.body());
        assertThat(body.get("error").asString()).isEqualTo("busy");
        assertThat(body.get("message").asString()).contains("稍后再试");
        assertThat(get("/actuator/prometheus").body()).containsPattern("nianbao_refusals_total\\{[^}]*reason=\"busy_assessing\"");
    }
}
