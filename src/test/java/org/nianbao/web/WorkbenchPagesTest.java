package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages people use, over real HTTP, and rendered by headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pages-test;DB_CLOSE_DELAY=-1")
class WorkbenchPagesTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build(); // keeps the session, as a browser does

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> form(String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String path, String filename, byte[] content) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void publishesTheScoringMethodInForceAsAPageAndAsJson() throws Exception {
        HttpResponse<String> page = get("/method");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("评分办法", "T1", "按期公开", "ARITH-T3-BALANCE", "封顶", "合格", "03-31");

        HttpResponse<String> json = get("/api/rules/method");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"categories\"", "\"caps\"", "\"deadlines\"", "ARITH-RULES-BY-ORGAN");
    }

    @Test
    void scoresAnUploadedReportOnAPage() throws Exception {
        assertThat(get("/").body()).contains("报告评分", "name=\"file\"", "自查表");

        HttpResponse<String> result = upload("/check", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("忻州市应急管理局", "58.33", "不合格", "TIME-SIGNED-IN-REPORT-YEAR", "更正落款日期");

        HttpResponse<String> empty = upload("/check", "empty.txt", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("文件为空");
    }

    @Test
    void theWorkbenchEditsValidatesActivatesAndRollsBack() throws Exception {
        HttpResponse<String> workbench = get("/workbench");
        assertThat(workbench.body()).contains("规则目录", "ARITH-T3-BALANCE-TOTAL", "required-statements.drl.xlsx", "规则测试");

        String narrative = Files.readString(Path.of("rules/narrative.drl"));
        HttpResponse<String> broken = form("/workbench/files/narrative.drl", "action", "validate",
                "content", narrative.replace("not Problem()", "not Problem("));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("narrative.drl", "第 15 行");

        String clearer = narrative.replace("第五部分未写明改进措施", "第五部分没有写改进措施");
        HttpResponse<String> activated = form("/workbench/files/narrative.drl", "action", "activate",
                "content", clearer, "by", "赵六", "reason", "措辞更清楚");
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(activated.body()).contains("已启用", "修改 narrative.drl");
        assertThat(get("/workbench").body()).contains("措辞更清楚", "赵六");

        String firstId = get("/api/rules/versions").body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"); // the oldest
        HttpResponse<String> back = form("/workbench/versions/" + firstId + "/activate", "by", "赵六", "reason", "撤回");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(get("/workbench").body()).contains("已重新启用版本 #" + firstId);
    }

    @Test
    void theSpreadsheetCanBeDownloaded() throws Exception {
        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(url("/workbench/files/required-statements.drl.xlsx/download"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith('P', 'K');
        assertThat(xlsx.body()).isEqualTo(Files.readAllBytes(Path.of("rules/required-statements.drl.xlsx")));
    }

    @Test
    void theScorecardGoesOutAsASpreadsheetAndComesBackForValidation() throws Exception {
        HttpResponse<byte[]> sheet = http.send(HttpRequest.newBuilder(URI.create(url("/workbench/scorecard.xlsx"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sheet.statusCode()).isEqualTo(200);

        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nvalidate\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"scorecard.xlsx\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(sheet.body());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> validated = http.send(HttpRequest.newBuilder(URI.create(url("/workbench/files/scorecard.yaml")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(validated.statusCode()).isEqualTo(200);
        assertThat(validated.body()).contains("校验通过", "id: &quot;default&quot;"); // the converted YAML, escaped in the page
    }

    /** The pages as a browser renders them (Debian's chromium; .ci/run installs it). */
    @Test
    void headlessChromiumRendersTheWorkbenchAndTheScoringPage() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "needs Debian's chromium (.ci/run installs it)");
        for (String page : List.of("/workbench", "/")) {
            Path shot = dir.resolve("page.png");
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", "--screenshot=" + shot, "--window-size=1200,900",
                    url(page)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(dom).contains("政府信息公开工作年度报告");
            assertThat(dom).contains(page.equals("/") ? "评分" : "ARITH-T3-BALANCE-TOTAL");
        }
    }
}
