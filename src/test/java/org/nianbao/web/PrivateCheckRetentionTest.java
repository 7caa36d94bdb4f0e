package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.store.PrivateCheckRetention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A private self-check is kept for the retention period (here the default, 90 days) and then deleted by the
 * scheduled sweep; a newer one stays, and what accounts handed in — a round's reports, a signed-in self-check — is
 * never deleted by it, however old.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:retention;DB_CLOSE_DELAY=-1")
@Tag("database")
class PrivateCheckRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PrivateCheckRetention retention;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(request.uri() + ": " + r.body()).isEqualTo(expected);
        return r;
    }

    private String anonymousCheck() throws Exception {
        return send(new Multipart().file("file", "draft.txt", Samples.bytes("003_a08e251a7459b3ee.txt"))
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))), 201)
                .headers().firstValue("Location").orElseThrow();
    }

    private void storedDaysAgo(String where, Object key, int days) {
        jdbc.sql("UPDATE assessment SET created_at = :at WHERE " + where)
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(days))))
                .param("key", key)
                .update();
    }

    @Test
    void theSweepDeletesPrivateSelfChecksOlderThanTheSettingAndNothingElse() throws Exception {
        assertThat(retention.keep()).isEqualTo(Duration.ofDays(90));
        String old = anonymousCheck();
        String recent = anonymousCheck();
        long signedIn = json.readTree(send(new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(SignIn.asAdmin(url("/api/assessments"))), 201).body()).get("id").asLong();
        long round = json.readTree(send(SignIn.asAdmin(url("/api/rounds")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"保存期限\",\"year\":2023}")).build(), 201).body())
                .get("id").asLong();
        String job = send(new Multipart().file("file", "reports.zip", CrashSafetyTest.reports(2))
                .post(SignIn.asAdmin(url("/api/rounds/" + round + "/submissions"))), 202).headers().firstValue("Location").orElseThrow();
        Instant until = Instant.now().plusSeconds(60);
        while (!json.readTree(send(SignIn.asAdmin(url(job)).build(), 200).body()).get("state").asString().equals("done")) {
            assertThat(Instant.now()).as("the round's job finished").isBefore(until);
            Thread.sleep(100);
        }
        JsonNode submissions = json.readTree(send(SignIn.asAdmin(url("/api/rounds/" + round + "/submissions")).build(), 200).body());
        assertThat(submissions.size()).isEqualTo(2);

        storedDaysAgo("private_link = :key", old.substring(old.lastIndexOf('/') + 1), 91);
        storedDaysAgo("private_link = :key", recent.substring(recent.lastIndexOf('/') + 1), 89);
        storedDaysAgo("private_link IS NULL AND id >= :key", 0L, 400); // the account's self-check and the round's reports

        assertThat(retention.sweep()).isEqualTo(1);

        send(HttpRequest.newBuilder(URI.create(url(old))).build(), 404);
        send(HttpRequest.newBuilder(URI.create(url(recent))).build(), 200);
        send(SignIn.asAdmin(url("/api/assessments/" + signedIn)).build(), 200);
        for (JsonNode s : submissions) {
            send(SignIn.asAdmin(url("/api/assessments/" + s.get("assessmentId").asLong())).build(), 200);
        }
        assertThat(json.readTree(send(SignIn.asAdmin(url("/api/rounds/" + round + "/submissions")).build(), 200).body()))
                .hasSize(2);
        assertThat(retention.sweep()).as("nothing more to delete").isZero();
    }
}
