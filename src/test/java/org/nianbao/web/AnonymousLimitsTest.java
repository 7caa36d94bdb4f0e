package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one request without an account may make the service read and store: a report's text (the same limit for every
 * format), a ZIP's reports and their text in all, and the form's fields. Each refusal is a 4xx with a Chinese message,
 * and nothing of a refused request is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:anonymous-limits;DB_CLOSE_DELAY=-1",
                "nianbao.limits.anonymous.archive-entries=3", "nianbao.limits.anonymous.archive-characters=7000"})
@Tag("database")
class AnonymousLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment").query(Long.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The scoring page's form posted as a browser does: with its session and CSRF token. */
    private HttpResponse<String> checkPage(Multipart form) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(url("/"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return browser.send(form.fields("_csrf", token.group(1)).post(HttpRequest.newBuilder(URI.create(url("/check")))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String... samples) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("reports/")); // a folder is no report
            zip.closeEntry();
            for (String sample : samples) {
                zip.putNextEntry(new ZipEntry("reports/" + sample));
                zip.write(Samples.bytes(sample));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void plainTextOverTwoMillionCharactersIsRefusedWith413AndNotStored() throws Exception {
        String text = "一、总体情况\n" + "本机关认真贯彻落实政府信息公开条例。\n".repeat(120_000);
        assertThat(text.length()).isGreaterThan(2_000_000);
        long before = stored();

        HttpResponse<String> r = send(new Multipart().file("file", "draft.txt", text)
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("文字超过 2000000 个字符");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAnonymousZipWithMoreReportsThanAllowedIsRefusedWholeAndNothingStored() throws Exception {
        long before = stored();

        HttpResponse<String> r = checkPage(new Multipart().file("file", "reports.zip",
                zip(Samples.NAMES.get(0), Samples.NAMES.get(1), Samples.NAMES.get(3), Samples.NAMES.get(4))));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("压缩包中有 4 个文件，超过上限 3 个");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAnonymousZipWithMoreTextThanAllowedIsRefusedWholeAndNothingStored() throws Exception {
        long before = stored();

        HttpResponse<String> r = checkPage(new Multipart().file("file", "reports.zip",
                zip("000_0b909c2a4ee59f11.txt", "001_0f3a3c160bddc4d1.txt"))); // 3,637 + 4,103 characters

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("文字合计超过 7000 个字符");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAnonymousZipWithinTheLimitsIsScoredReportByReportEachPrivately() throws Exception {
        long before = stored();

        HttpResponse<String> r = checkPage(new Multipart().file("file", "reports.zip",
                zip("003_a08e251a7459b3ee.txt", "004_e93a6eea8c407df3.txt"))); // 3,046 + 3,230 characters

        assertThat(r.statusCode()).as("to the batch's own page").isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/check/batch/"));
        assertThat(stored()).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE private_link IS NOT NULL").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anAccountsBatchIsNotHeldToTheAnonymousLimits() throws Exception {
        long before = stored();

        HttpResponse<String> r = send(new Multipart().file("file", "reports.zip",
                zip(Samples.NAMES.toArray(String[]::new))).post(SignIn.asAdmin(url("/api/assessments/batch"))));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before + 5);
    }

    @Test
    void anAgencyNameOverTwoHundredCharactersIsRefusedWith400InChinese() throws Exception {
        long before = stored();

        HttpResponse<String> r = send(new Multipart().fields("agency", "某".repeat(201))
                .file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("agency 过长：201 个字符，最多 200 个");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void everyOtherOverLongFieldOfTheScoringEndpointsIsA400() throws Exception {
        long before = stored();
        byte[] report = Samples.bytes("004_e93a6eea8c407df3.txt");

        HttpResponse<String> fileName = send(new Multipart().file("file", "r".repeat(300) + ".txt", report)
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))));
        HttpResponse<String> scorecard = send(new Multipart().fields("scorecard", "x".repeat(101)).file("file", "004.txt", report)
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))));
        HttpResponse<String> previous = send(new Multipart().file("file", "004.txt", report)
                .file("previous", "p".repeat(300) + ".txt", report)
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments")))));
        HttpResponse<String> page = checkPage(new Multipart().fields("scorecard", "x".repeat(101)).file("file", "004.txt", report));
        HttpResponse<String> chineseName = send(new Multipart().file("file", "报".repeat(256) + ".txt", report)
                .post(HttpRequest.newBuilder(URI.create(url("/api/assessments"))))); // past Tomcat's 512 bytes of headers

        assertThat(fileName.statusCode()).as(fileName.body()).isEqualTo(400);
        assertThat(fileName.body()).contains("文件名 过长");
        assertThat(scorecard.statusCode()).isEqualTo(400);
        assertThat(scorecard.body()).contains("scorecard 过长");
        assertThat(previous.statusCode()).isEqualTo(400);
        assertThat(previous.body()).contains("previous 的文件名 过长");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("scorecard 过长", "报告评分");
        assertThat(chineseName.statusCode()).isEqualTo(400);
        assertThat(chineseName.body()).contains("文件名过长");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theScoringPageSaysHowLongAnAnonymousResultIsKept() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/"))).build()).body())
                .contains("报告草稿属于您的机关，不属于我们：未登录时的评分结果保存 90 天后自动删除。");
    }
}
