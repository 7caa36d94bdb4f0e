package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scoring without an account is limited per client address (here 3 an hour): the next one is answered 429 with
 * {@code Retry-After} and a Chinese message; another address, and a signed-in account at the same address, go on.
 * The addresses come as a proxy in front of the service gives them ({@code X-Forwarded-For} from a loopback peer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:rate-limit;DB_CLOSE_DELAY=-1",
                "nianbao.limits.anonymous.per-address=3", "nianbao.limits.anonymous.period=PT1H"})
@Tag("database")
class AnonymousRateLimitTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> score(HttpRequest.Builder request, String from) throws Exception {
        return http.send(new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(request.header("X-Forwarded-For", from)), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder anonymous() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/assessments"));
    }

    @Test
    void theFourthAnonymousReportFromOneAddressIsAnswered429WithRetryAfterAndOtherAddressesGoOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(score(anonymous(), "203.0.113.7").statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = score(anonymous(), "203.0.113.7");

        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(refused.body()).contains("未登录时每个网络地址每 1 小时最多评分 3 份报告", "\"status\":429");
        assertThat(score(anonymous(), "203.0.113.8").statusCode()).as("another address").isEqualTo(201);
        assertThat(score(SignIn.asAdmin("http://localhost:" + port + "/api/assessments"), "203.0.113.7").statusCode())
                .as("a signed-in account at the same address").isEqualTo(201);
    }
}
