package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API over real HTTP, on a real (in-memory) H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
                "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB"})
@org.junit.jupiter.api.Tag("database")
class AssessmentApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> upload(String filename, byte[] content, String... fields) throws IOException, InterruptedException {
        return upload("/api/assessments", filename, content, fields);
    }

    private HttpResponse<String> upload(String path, String filename, byte[] content, String... fields)
            throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        var body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = SignIn.asAdmin("http://localhost:" + port + path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(SignIn.asAdmin("http://localhost:" + port + path).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void assessesAnUploadStoresItAndServesItBack() throws Exception {
        HttpResponse<String> created = upload("001.txt", Samples.bytes("001_0f3a3c160bddc4d1.txt"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        long id = body.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/assessments/" + id);
        assertThat(body.get("report").get("agency").asString()).isEqualTo("清镇市人民政府办公室");
        assertThat(body.has("facts")).isFalse();

        JsonNode stored = json.readTree(get("/api/assessments/" + id + "?facts=true").body());
        assertThat(stored.get("score").asDouble()).isEqualTo(body.get("score").asDouble());
        assertThat(stored.get("ruleset").get("version").asString()).isEqualTo(body.get("ruleset").get("version").asString());
        assertThat(stored.get("facts").get("cells").size()).isEqualTo(200);

        JsonNode list = json.readTree(get("/api/assessments?year=2023&agency=清镇").body());
        assertThat(list.valueStream().map(n -> n.get("id").asLong())).contains(id);
    }

    @Test
    void lastYearsReportCanBeUploadedAlongside() throws Exception {
        String boundary = UUID.randomUUID().toString();
        var body = new java.io.ByteArrayOutputStream();
        for (String[] part : new String[][] {{"file", "hongze-2024.pdf"}, {"previous", "hongze-2023.pdf"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\""
                    + part[1] + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/pdf", part[1])));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/assessments")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode a6 = json.readTree(created.body()).get("checks").valueStream()
                .filter(c -> c.get("id").asString().equals("A6")).findFirst().orElseThrow();
        assertThat(a6.get("outcome").asString()).isEqualTo("passed");
    }

    @Test
    void aGivenPublicationDateIsUsed() throws Exception {
        HttpResponse<String> created = upload("000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"), "publishedOn", "2024-01-20");

        JsonNode report = json.readTree(created.body()).get("report");
        assertThat(report.get("publishedOn").asString()).isEqualTo("2024-01-20");
        assertThat(report.get("publishedOnSource").asString()).isEqualTo("given");
    }

    @Test
    void badInputGetsAClearMessageAnd4xx() throws Exception {
        assertError(upload("empty.txt", new byte[0]), 400, "文件为空");
        assertError(upload("x.pdf", new byte[] {0x25, 0x50, 0x44, 0x46, 0x00, 0x01, (byte) 0xFF}), 415, "不是可识别的文本");
        assertError(upload("notes.txt", "会议纪要\n今天讨论了食堂菜单。\n".getBytes(StandardCharsets.UTF_8)), 422, "年度报告");
        assertError(upload("000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"), "publishedOn", "yesterday"), 400, "publishedOn");
        assertError(get("/api/assessments/987654"), 404, "987654");
    }

    @Test
    void aZipArchiveIsScoredAsABatchAndStored() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a/002.txt"));
            zip.write(Samples.bytes("002_6d7e4eb448e02a30.txt"));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("a/empty.txt"));
            zip.closeEntry();
        }

        HttpResponse<String> single = upload("reports.zip", bytes.toByteArray());
        assertError(single, 415, "批量");

        HttpResponse<String> batch = upload("/api/assessments/batch", "reports.zip", bytes.toByteArray());
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode items = json.readTree(batch.body());
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("report").get("agency").asString()).isEqualTo("定西市应急管理局");
        long id = items.get(0).get("id").asLong();
        assertThat(get("/api/assessments/" + id).statusCode()).isEqualTo(200);
        assertThat(items.get(1).get("source").asString()).isEqualTo("reports.zip!/a/empty.txt");
        assertThat(items.get(1).get("error").asString()).contains("文件为空");
    }

    @Test
    void aScorecardKeptBesideTheDefaultCanBeChosenPerRequest() throws Exception {
        JsonNode cards = json.readTree(get("/api/scorecards").body());
        assertThat(cards.get("scorecards").valueStream().map(c -> c.get("id").asString())).contains("default", "self-check");

        JsonNode byDefault = json.readTree(upload("000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt")).body());
        JsonNode selfCheck = json.readTree(upload("000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"), "scorecard", "self-check").body());

        assertThat(byDefault.get("ruleset").get("scorecard").asString()).startsWith("default@");
        assertThat(selfCheck.get("ruleset").get("scorecard").asString()).startsWith("self-check@");
        assertThat(selfCheck.get("score").asDouble()).isGreaterThan(byDefault.get("score").asDouble()); // a draft needs no date yet
        assertError(upload("000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"), "scorecard", "nowhere"), 400, "nowhere");
    }

    @Test
    void exportsTheYearsReportsRankedByScore() throws Exception {
        upload("004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"));
        upload("001.txt", Samples.bytes("001_0f3a3c160bddc4d1.txt"));

        String[] csv = get("/api/assessments/export?year=2023&format=csv").body().split("\r?\n");
        assertThat(csv[0]).startsWith("source,agency,year");
        List<String> agencies = java.util.Arrays.stream(csv).skip(1).map(l -> l.split(",")[1]).toList();
        assertThat(agencies).containsSubsequence("清镇市人民政府办公室", "忻州市应急管理局"); // 89.58 before 53.49

        var xlsx = http.send(SignIn.asAdmin("http://localhost:" + port + "/api/assessments/export?year=2023").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith('P', 'K');
        assertError(get("/api/assessments/export?year=2023&format=pdf"), 400, "format");
    }

    @Test
    void anExportedCsvRunsNoFormulaAnUploadSmuggledIn() throws Exception {
        upload("=HYPERLINK(1).txt", Samples.bytes("002_6d7e4eb448e02a30.txt"), "agency", "@SUM(A1:A9)");

        String csv = get("/api/assessments/export?year=2020&format=csv").body();
        String line = csv.lines().filter(l -> l.contains("HYPERLINK")).findFirst().orElseThrow();

        assertThat(line).startsWith("'=HYPERLINK(1).txt,'@SUM(A1:A9),2020,");
        assertThat(csv.lines().skip(1)).noneMatch(l -> l.startsWith("=") || l.contains(",=") || l.contains(",@") || l.contains(",+"));
    }

    @Test
    void aFileOverTheUploadLimitGets413() throws Exception {
        assertError(upload("big.txt", new byte[1_500_000]), 413, "上限");
    }

    private void assertError(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("message").asString()).contains(text);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }
}
