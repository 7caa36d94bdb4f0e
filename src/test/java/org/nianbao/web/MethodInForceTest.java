package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The method published is the rules in force, points included, after every activation: the workbench's catalogue,
 * the page {@code /method}, {@code GET /api/rules/method} and the method as a PDF all say what an assessment
 * deducts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:fairness-test;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class MethodInForceTest {

    private static final String RULE = "NARR-NO-INFO-FEE";
    private static final String XINZHOU = "004_e93a6eea8c407df3.txt"; // says nothing of the 信息处理费

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(http.send(SignIn.asAdmin(url(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    /** What each of the four publications and an assessment of sample 004 say the rule deducts. */
    private record Published(double catalogue, double method, String workbench, String page, String pdf, double assessed) {
    }

    private Published published() throws Exception {
        JsonNode catalogue = get("/api/rules").get("rules").valueStream()
                .filter(r -> r.get("id").asString().equals(RULE)).findFirst().orElseThrow();
        JsonNode method = get("/api/rules/method").get("categories").valueStream()
                .flatMap(c -> c.get("checks").valueStream()).flatMap(c -> c.get("rules").valueStream())
                .filter(r -> r.get("id").asString().equals(RULE)).findFirst().orElseThrow();
        String workbench = find(workbench(),
                "<td>" + RULE + "</td>(?:\\s*<td[^>]*>[^<]*</td>){3}\\s*<td>([^<]*)</td>");
        String page = find(http.send(HttpRequest.newBuilder(URI.create(url("/method"))).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body(),
                "<code>" + RULE + "</code></td>(?:\\s*<td>[^<]*</td>){2}\\s*<td>([^<]*)</td>");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(url("/method?format=pdf"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        String inPdf = find(text, "(?s)" + RULE + "\\s.{0,300}?\\s(\\d+\\.\\d+)\\s"); // the row: rule, test, severity, cost
        HttpResponse<String> scored = http.send(new Multipart().file("file", XINZHOU, Samples.bytes(XINZHOU))
                .post(SignIn.asAdmin(url("/api/assessments"))), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double assessed = json.readTree(scored.body()).get("findings").valueStream()
                .filter(f -> f.get("ruleId").asString().equals(RULE)).findFirst().orElseThrow().get("deduction").asDouble();
        return new Published(catalogue.get("deduction").asDouble(), method.get("deduction").asDouble(), workbench, page,
                inPdf, assessed);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the text", regex).isTrue();
        return m.group(1).strip();
    }


    @Test
    void anActivatedChangeOfPointsIsWhatTheCatalogueThePagesTheJsonAndThePdfSay() throws Exception {
        Published before = published();
        assertThat(before).isEqualTo(new Published(4.0, 4.0, "4.0 分", "4.0", "4.0", 4.0));

        String sentence = "未收取的也应写明”";
        String rule = Files.readString(Path.of("rules/information-fee.dslr"));
        assertThat(rule).contains(sentence);
        HttpResponse<String> activated = http.send(new Multipart()
                .fields("reason", "信息处理费未说明的改为扣2分")
                .file("files", "information-fee.dslr", rule.replace(sentence, sentence + "，扣2分"))
                .post(SignIn.asAdmin(url("/api/rules/activate"))), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        try {
            assertThat(published()).isEqualTo(new Published(2.0, 2.0, "2.0 分", "2.0", "2.0", 2.0));
        } finally {
            long first = get("/api/rules/versions").valueStream().mapToLong(v -> v.get("id").asLong()).min().orElseThrow();
            HttpResponse<String> back = http.send(SignIn.asAdmin(url("/api/rules/versions/" + first + "/activate?reason="
                    + URLEncoder.encode("恢复", StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(back.statusCode()).isEqualTo(200);
        }
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void theMethodSaysHowCapsOmissionsAndTheRankingWork() throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/method"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();

        assertThat(page).contains("相差大于1且大于较大数的1%", "在容差以内只扣分、不封顶",
                "报告未写明所报告的年度时不得分", "不知道公开日期时不计入", "排名先按等次", "2019年度以前的报告");
    }

    @Test
    void aReportBeforeThe2019FormatIsRefusedWithTheReason() throws Exception {
        byte[] old = Samples.text("002_6d7e4eb448e02a30.txt").replace("2020年", "2017年")
                .replace("发布时间:2021-02-08", "发布时间:2018-02-08").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = http.send(new Multipart().file("file", "dingxi-2017.txt", old)
                .post(SignIn.asAdmin(url("/api/assessments"))), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("error").asString()).isEqualTo("out_of_scope");
        assertThat(body.get("message").asString()).contains("2017年度的报告早于2019年", "不在评分范围内");
    }

    /** The workbench as policy staff see it, signed in through the form. */
    private String workbench() throws Exception {
        return new PageSession(url(""), null).signedIn(SignIn.ADMIN, SignIn.ADMIN_PASSWORD).get("/workbench").body();
    }
}
