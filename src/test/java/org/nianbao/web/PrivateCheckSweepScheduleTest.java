package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sweep runs by itself on its schedule: with a retention of two seconds, a private self-check is soon gone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:sweep-schedule;DB_CLOSE_DELAY=-1",
                "nianbao.retention.private-checks=PT2S", "nianbao.retention.sweep=PT0.5S"})
@Tag("database")
class PrivateCheckSweepScheduleTest {

    @LocalServerPort
    int port;

    @Test
    void aPrivateSelfCheckIsDeletedByTheScheduledSweepOnceItsTimeIsUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> checked = http.send(new Multipart().file("file", "draft.txt", Samples.bytes("003_a08e251a7459b3ee.txt"))
                .post(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assessments"))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checked.statusCode()).isEqualTo(201);
        HttpRequest link = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + checked.headers().firstValue("Location").orElseThrow())).build();
        assertThat(http.send(link, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        Instant until = Instant.now().plusSeconds(30);
        while (http.send(link, HttpResponse.BodyHandlers.discarding()).statusCode() != 404) {
            assertThat(Instant.now()).as("the sweep deleted the self-check").isBefore(until);
            Thread.sleep(200);
        }
    }
}
