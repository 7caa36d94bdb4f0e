package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.rounds.RoundJobs;
import org.nianbao.rounds.RoundStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation rounds over real HTTP on a real H2 database: a round opened with the rules in force frozen, the
 * agencies it expects from a GBK CSV, a ZIP of reports scored in the background and matched to those agencies, a
 * ranking within groups with shared ranks, exports a committee can hand on, and last year's report found by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:rounds-test;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class RoundsApiTest {

    private static final Path RULE_REPORTS = Path.of("rules/tests/reports");

    @LocalServerPort
    int port;

    @Autowired
    RoundStore store;

    @Autowired
    RoundJobs jobs;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(SignIn.asAdmin(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(SignIn.asAdmin(url(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, Multipart body) throws IOException, InterruptedException {
        return http.send(body.post(SignIn.asAdmin(url(path))), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long open(String name, int year) throws Exception {
        HttpResponse<String> created = postJson("/api/rounds", "{\"name\":\"" + name + "\",\"year\":" + year + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    private JsonNode waitFor(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 600; i++) {
            JsonNode job = json.readTree(get(location).body());
            if (job.get("state").asString().equals("done")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish in 60 s");
    }

    private static byte[] zip(String[]... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].startsWith("@") ? Files.readAllBytes(Path.of(e[1].substring(1))) : e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sample(String name) {
        return "@" + Samples.DIR.resolve(name);
    }

    @Test
    void aRoundScoresItsAgenciesInTheBackgroundAndRanksThemWithinTheirGroups() throws Exception {
        long round = open("2023年度市级政务公开评估", 2023);
        JsonNode opened = json.readTree(get("/api/rounds/" + round).body());
        HttpResponse<String> checked = post("/api/assessments", new Multipart().file("file", "001.txt", Samples.bytes("001_0f3a3c160bddc4d1.txt")));
        String inForce = json.readTree(checked.body()).get("ruleset").get("version").asString();
        assertThat(opened.get("rulesetVersion").asString()).isEqualTo(inForce);
        assertThat(opened.get("scorecard").asString()).isEqualTo("default");

        String agencies = """
                单位名称,层级,分组,别名
                清镇市人民政府办公室,部门,市直部门,清镇市政府办
                衢州市应急管理局,部门,市直部门,
                定西市应急管理局,部门,市直部门,
                某市数据资源局,部门,市直部门,
                杭州市余杭区应急管理局,部门,区县部门,余杭区应急管理局
                忻州市应急管理局,部门,区县部门,
                某某县人民政府,人民政府,县区政府,
                某某区人民政府,人民政府,县区政府,
                """;
        HttpResponse<String> listed = post("/api/rounds/" + round + "/agencies",
                new Multipart().file("file", "单位名单.csv", agencies.getBytes(Charset.forName("GBK"))));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(json.readTree(listed.body()).get("expected").asInt()).isEqualTo(8);

        String manifest = """
                文件名,单位名称,发布日期
                004.txt,,2024-01-20
                """;
        byte[] reports = zip(new String[] {"001.txt", sample("001_0f3a3c160bddc4d1.txt")},
                new String[] {"000.txt", sample("000_0b909c2a4ee59f11.txt")},
                new String[] {"002.txt", sample("002_6d7e4eb448e02a30.txt")},
                new String[] {"003.txt", sample("003_a08e251a7459b3ee.txt")},
                new String[] {"004.txt", sample("004_e93a6eea8c407df3.txt")},
                new String[] {"平阳县.txt", "@" + RULE_REPORTS.resolve("county-composite-report.txt")},
                new String[] {"某某区人民政府2023年报告.pdf", "%PDF-1.7 not really a PDF\n%%EOF"},
                new String[] {"清单.csv", manifest});
        JsonNode job = waitFor(post("/api/rounds/" + round + "/submissions", new Multipart().file("file", "reports.zip", reports)));
        assertThat(job.get("total").asInt()).isEqualTo(7);
        assertThat(job.get("done").asInt()).isEqualTo(6);
        assertThat(job.get("failed").asInt()).isEqualTo(1);

        JsonNode ranking = json.readTree(get("/api/rounds/" + round + "/ranking").body());
        List<String> rows = new ArrayList<>();
        ranking.forEach(r -> rows.add(r.get("group").asString(null) + " " + r.get("rank").asString("-") + " "
                + r.get("agency").asString() + " " + r.get("status").asString()));
        assertThat(rows.subList(0, 8)).containsExactly(
                "区县部门 1 杭州市余杭区应急管理局 scored",
                "区县部门 2 忻州市应急管理局 scored",
                "县区政府 - 某某区人民政府 failed",   // unreadable, matched by its file name
                "县区政府 - 某某县人民政府 missing",
                "市直部门 1 清镇市人民政府办公室 scored",
                "市直部门 2 衢州市应急管理局 scored",
                "市直部门 - 定西市应急管理局 missing", // its report is of 2020: scored, not counted for it
                "市直部门 - 某市数据资源局 missing");
        assertThat(rows.subList(8, rows.size())).containsExactlyInAnyOrder(
                "null - 平阳县人民政府 unmatched", "null - 定西市应急管理局 unmatched");
        assertThat(ranking.valueStream().filter(r -> r.get("agency").asString().equals("定西市应急管理局")
                        && r.get("status").asString().equals("unmatched")))
                .singleElement().satisfies(r -> assertThat(r.get("error").asString())
                        .contains("报告年度为2020年", "本轮次为2023年度", "请核对后指定"));
        // the manifest's publication date decides T1, which 004's impossible signature date could not
        assertThat(ranking.get(1).get("score").asDouble()).isGreaterThan(53.49);
        JsonNode qingzhen = ranking.get(4);
        assertThat(qingzhen.get("score").isNumber()).isTrue();
        assertThat(qingzhen.get("categories").get(0).get("score").isNumber()).isTrue();
        assertThat(qingzhen.get("findings").asInt()).isPositive();

        // the unmatched report assigned by a reviewer is scored for that agency
        long unmatched = ranking.valueStream().filter(r -> r.get("agency").asString().equals("平阳县人民政府"))
                .findFirst().orElseThrow().get("assessmentId").asLong();
        JsonNode submissions = json.readTree(get("/api/rounds/" + round + "/submissions").body());
        long submission = submissions.valueStream().filter(s -> s.get("assessmentId").asLong() == unmatched)
                .findFirst().orElseThrow().get("id").asLong();
        JsonNode agencyList = json.readTree(get("/api/rounds/" + round + "/agencies").body());
        long county = agencyList.valueStream().filter(a -> a.get("name").asString().equals("某某县人民政府"))
                .findFirst().orElseThrow().get("agencyId").asLong();
        assertThat(postJson("/api/rounds/" + round + "/submissions/" + submission + "/agency", "{\"agencyId\":" + county + "}")
                .statusCode()).isEqualTo(200);
        JsonNode after = json.readTree(get("/api/rounds/" + round + "/ranking").body());
        assertThat(after.valueStream().filter(r -> r.get("agency").asString().equals("某某县人民政府")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status").asString()).isEqualTo("scored");
                    assertThat(r.get("rank").asInt()).isEqualTo(1);
                });
        assertThat(after.valueStream().filter(r -> r.get("status").asString().equals("unmatched")))
                .extracting(r -> r.get("agency").asString()).containsExactly("定西市应急管理局");

        // the workbook a committee hands on
        HttpResponse<byte[]> xlsx = http.send(SignIn.asAdmin(url("/api/rounds/" + round + "/export?format=xlsx")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = book.getSheet("排名");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2023年度市级政务公开评估");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("名次");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("总分");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("完整性");
            assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(2).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows()).isNotNull();
            XSSFSheet findings = book.getSheet("问题清单");
            assertThat(findings.getLastRowNum()).isGreaterThan(20);
            List<String> places = new ArrayList<>();
            for (int r = 2; r <= findings.getLastRowNum(); r++) {
                places.add(findings.getRow(r).getCell(6) == null ? "" : findings.getRow(r).getCell(6).getStringCellValue());
            }
            // places in the report's own words, never internal keys
            assertThat(places).contains("表3「(七)总计」行").noneMatch(p -> p.matches(".*[a-z]_[a-z].*"));
            XSSFSheet missing = book.getSheet("未提交或未评分");
            List<String> notScored = new ArrayList<>();
            for (int r = 2; r <= missing.getLastRowNum(); r++) {
                notScored.add(missing.getRow(r).getCell(0).getStringCellValue() + " "
                        + missing.getRow(r).getCell(3).getStringCellValue());
            }
            // the failed report, the agency with none, and the one whose only report is of another year
            assertThat(notScored).contains("某某区人民政府 无法评分", "某市数据资源局 未提交", "定西市应急管理局 未提交");
        }
        HttpResponse<byte[]> csv = http.send(SignIn.asAdmin(url("/api/rounds/" + round + "/export?format=csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF名次,单位,层级,分组,总分,等级,完整性");
        assertThat(text).contains("1,清镇市人民政府办公室,部门,市直部门,");
        assertThat(get("/api/rounds/" + round + "/export?format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void lastYearsReportOfTheSameAgencyIsFoundWithoutBeingAskedFor() throws Exception {
        String list = "单位名称,层级,分组\n衢州市应急管理局,部门,市直部门\n";
        long earlier = open("2022年度评估", 2022);
        post("/api/rounds/" + earlier + "/agencies", new Multipart().file("file", "list.csv", list));
        waitFor(post("/api/rounds/" + earlier + "/submissions", new Multipart()
                .file("file", "衢州市应急管理局2022年报告.txt", Files.readAllBytes(RULE_REPORTS.resolve("previous-year-carried-forward.txt")))));

        long round = open("2023年度评估", 2023);
        post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "list.csv", list));
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart()
                .file("file", "000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"))));

        JsonNode row = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0);
        JsonNode assessment = json.readTree(get("/api/assessments/" + row.get("assessmentId").asLong()).body());
        assertThat(assessment.get("findings").valueStream().map(f -> f.get("ruleId").asString()))
                .contains("ARITH-CARRY-OVER-ACROSS-YEARS");

        // the round at a glance says how the agency moved since last year
        JsonNode statistics = json.readTree(get("/api/rounds/" + round + "/statistics").body());
        assertThat(statistics.get("counts").get("scored").asInt()).isEqualTo(1);
        assertThat(statistics.get("change").get("agencies").asInt()).isEqualTo(1);
        assertThat(statistics.get("grades").valueStream().filter(g -> g.get("lastYear").asInt() == 1)).hasSize(1);
        assertThat(statistics.get("lastYearScores").get(row.get("agencyId").asString()).isNumber()).isTrue();
    }

    @Test
    void twoAlikeSectionFivesWithoutPublicationDatesAreNotedOnBothAndDeductedFromNeither() throws Exception {
        long round = open("照搬", 2023);
        post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "list.csv",
                "单位名称\n衢州市应急管理局\n丽水市应急管理局\n清镇市人民政府办公室\n"));
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart()
                .file("file", "000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"))
                .file("file", "001.txt", Samples.bytes("001_0f3a3c160bddc4d1.txt"))));
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart()
                .file("file", "lishui.txt", Files.readAllBytes(RULE_REPORTS.resolve("other-agency-same-part-5.txt")))));

        assertThat(eventually(() -> findings(round, "丽水市应急管理局", "NARR-SIMILAR-TO-OTHER-AGENCY"))).singleElement()
                .asString().contains("衢州市应急管理局", "相似度", "不扣分");
        // the report that came in first is assessed again by itself: the pair is named on both, whatever the order
        assertThat(eventually(() -> findings(round, "衢州市应急管理局", "NARR-SIMILAR-TO-OTHER-AGENCY"))).singleElement()
                .asString().contains("丽水市应急管理局");
        assertThat(findings(round, "丽水市应急管理局", "NARR-COPIED-FROM-OTHER-AGENCY")).isEmpty();
        assertThat(findings(round, "衢州市应急管理局", "NARR-COPIED-FROM-OTHER-AGENCY")).isEmpty();
        assertThat(findings(round, "清镇市人民政府办公室", "NARR-SIMILAR-TO-OTHER-AGENCY")).isEmpty();
    }

    @Test
    void ofTwoAlikeSectionFivesTheOnePublishedLaterIsTheCopyWhicheverWasHandedInFirst() throws Exception {
        long round = open("照搬（公开日期已知）", 2023);
        post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "list.csv",
                "单位名称\n衢州市应急管理局\n丽水市应急管理局\n"));
        String manifest = "文件名,单位名称,发布日期\nlishui.txt,丽水市应急管理局,2024-01-25\n000.txt,衢州市应急管理局,2024-01-10\n";
        // the later one first
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart()
                .file("file", "lishui.txt", Files.readAllBytes(RULE_REPORTS.resolve("other-agency-same-part-5.txt")))
                .file("file", "清单.csv", manifest)));
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart()
                .file("file", "000.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"))
                .file("file", "清单.csv", manifest)));

        assertThat(eventually(() -> findings(round, "丽水市应急管理局", "NARR-COPIED-FROM-OTHER-AGENCY"))).singleElement()
                .asString().contains("衢州市应急管理局", "2024-01-10", "2024-01-25");
        assertThat(findings(round, "衢州市应急管理局", "NARR-COPIED-BY-OTHER-AGENCY")).singleElement()
                .asString().contains("丽水市应急管理局", "不扣分");
        assertThat(findings(round, "衢州市应急管理局", "NARR-COPIED-FROM-OTHER-AGENCY")).isEmpty();
    }

    /** The messages of a rule's findings on an agency's report in a round. */
    private List<String> findings(long round, String agency, String ruleId) throws Exception {
        JsonNode row = json.readTree(get("/api/rounds/" + round + "/ranking").body()).valueStream()
                .filter(r -> r.get("agency").asString().equals(agency)).findFirst().orElseThrow();
        JsonNode assessment = json.readTree(get("/api/assessments/" + row.get("assessmentId").asLong()).body());
        return assessment.get("findings").valueStream()
                .filter(f -> f.get("ruleId").asString().equals(ruleId))
                .map(f -> f.get("message").asString()).toList();
    }

    /** What {@code ask} answers once it is not empty (a queued assessment may still be running), within 60 s. */
    private List<String> eventually(java.util.concurrent.Callable<List<String>> ask) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<String> found = ask.call();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        return ask.call();
    }

    @Test
    void lastYearsReportStoredOutsideAnyRoundIsFoundByTheAgencysName() throws Exception {
        // another agency than the other tests use, so that no round of theirs holds its report
        String lastYear = Files.readString(RULE_REPORTS.resolve("previous-year-carried-forward.txt")).replace("衢州", "湖州");
        String thisYear = Samples.text("000_0b909c2a4ee59f11.txt").replace("衢州", "湖州");
        HttpResponse<String> stored = post("/api/assessments", new Multipart().file("file", "湖州2022.txt", lastYear));
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(json.readTree(stored.body()).get("report").get("year").asInt()).isEqualTo(2022);

        long round = open("2023年度（湖州）", 2023);
        post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "list.csv", "单位名称\n湖州市应急管理局\n"));
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart().file("file", "湖州2023.txt", thisYear)));

        JsonNode row = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0);
        JsonNode assessment = json.readTree(get("/api/assessments/" + row.get("assessmentId").asLong()).body());
        assertThat(assessment.get("findings").valueStream().map(f -> f.get("ruleId").asString()))
                .contains("ARITH-CARRY-OVER-ACROSS-YEARS");
    }

    @Test
    void anItemHeldByAnInstanceThatStoppedAnsweringIsTakenUpWhenItsLeaseRunsOut() throws Exception {
        long round = open("续跑", 2023);
        post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "list.csv", "单位名称\n忻州市应急管理局\n"));
        // a job whose item another instance claimed and then died with: its lease ran out a moment ago
        long job = store.createJob(round, SignIn.ADMIN, List.of(new RoundStore.JobInput("004.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt"), null, null, null)));
        jdbc.sql("UPDATE job_item SET claimed_by = 'gone:8080', lease_until = :past WHERE job_id = :job")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).param("job", job).update();

        jobs.start(job);

        for (int i = 0; i < 300 && !json.readTree(get("/api/jobs/" + job).body()).get("state").asString().equals("done"); i++) {
            Thread.sleep(100);
        }
        JsonNode row = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0);
        assertThat(row.get("status").asString()).as(get("/api/rounds/" + round + "/submissions").body()).isEqualTo("scored");
        assertThat(jdbc.sql("SELECT claimed_by FROM job_item WHERE job_id = :job").param("job", job).query(String.class).single())
                .isEqualTo(jobs.instance());
    }

    @Test
    void anItemAnotherInstanceStillHoldsIsLeftToIt() throws Exception {
        long round = open("租约", 2023);
        long job = store.createJob(round, SignIn.ADMIN, List.of(new RoundStore.JobInput("004.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt"), null, null, null)));
        jdbc.sql("UPDATE job_item SET claimed_by = 'busy:8080', lease_until = :future WHERE job_id = :job")
                .param("future", java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600))).param("job", job).update();

        jobs.start(job);
        Thread.sleep(1500); // more than one poll

        assertThat(json.readTree(get("/api/jobs/" + job).body()).get("state").asString()).isEqualTo("queued");
        assertThat(jdbc.sql("SELECT claimed_by FROM job_item WHERE job_id = :job").param("job", job).query(String.class).single())
                .isEqualTo("busy:8080");
    }

    @Test
    void aJobStillBeingReceivedIsNotStartedNorShownAndIsRemovedOnceCutOff() throws Exception {
        long round = open("接收中", 2023);
        long job = store.createJob(round, SignIn.ADMIN, List.of(new RoundStore.JobInput("004.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt"), null, null, null)));
        jdbc.sql("UPDATE job SET state = 'receiving' WHERE id = :job").param("job", job).update(); // as a stop leaves it

        jobs.start(job);
        Thread.sleep(1500); // more than one poll

        assertThat(jdbc.sql("SELECT claimed_by FROM job_item WHERE job_id = :job").param("job", job).query(String.class).optional())
                .isEmpty();
        assertThat(get("/api/jobs/" + job).statusCode()).isEqualTo(404);
        assertThat(store.removeUnfinishedJobs(java.time.Instant.now().minusSeconds(600))).isZero(); // may still be coming in
        assertThat(store.removeUnfinishedJobs(java.time.Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_item WHERE job_id = :job").param("job", job).query(Long.class).single())
                .isZero();
    }

    @Test
    void aReviewerConfirmsOrDismissesFindingsAndTheScoreFollowsThroughEveryReScore() throws Exception {
        long round = open("复核", 2023);
        post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "list.csv", "单位名称\n忻州市应急管理局\n"));
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))));
        JsonNode row = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0);
        long id = row.get("assessmentId").asLong();
        assertThat(row.get("score").asDouble()).isEqualTo(53.49);
        assertThat(row.get("openReviews").asInt()).isPositive();

        JsonNode review = json.readTree(get("/api/assessments/" + id + "/reviews").body()).get("review");
        assertThat(review.get("undecided").valueStream().map(i -> i.get("ruleId").asString()))
                .contains("TIME-SIGNATURE-DATE-IMPOSSIBLE")
                .doesNotContain("TIME-SIGNED-IN-REPORT-YEAR");
        JsonNode signed = review.get("failures").valueStream()
                .filter(i -> i.get("ruleId").asString().equals("TIME-SIGNED-IN-REPORT-YEAR")).findFirst().orElseThrow();
        String fingerprint = signed.get("fingerprint").asString();
        assertThat(fingerprint).doesNotContain("96"); // the place it cites, never a line number

        // an error: one reviewer proposes, the round asks a second to agree (the proposer cannot)
        assertThat(json.readTree(get("/api/rounds/" + round).body()).get("secondReviewer").asBoolean()).isTrue();
        String dismissal = json.writeValueAsString(java.util.Map.of("fingerprint", fingerprint, "decision", "dismissed",
                "reason", "落款日期为笔误，公开日期另有网页记录"));
        HttpResponse<String> proposed = postJson("/api/assessments/" + id + "/reviews", dismissal);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(json.readTree(proposed.body()).get("state").asString()).isEqualTo("proposed");
        assertThat(json.readTree(proposed.body()).get("score").asDouble()).isEqualTo(53.49);
        HttpResponse<String> byTheProposer = postJson("/api/assessments/" + id + "/reviews", dismissal);
        assertThat(byTheProposer.statusCode()).isEqualTo(400);
        assertThat(byTheProposer.body()).contains("另一位评议人");
        assertThat(http.send(SignIn.asAdmin(url("/api/accounts")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=second-reviewer&password=lake-cloud-pine-42&roles=REVIEWER")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        HttpResponse<String> dismissed = http.send(SignIn.as("second-reviewer", "lake-cloud-pine-42",
                        url("/api/assessments/" + id + "/reviews")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("fingerprint", fingerprint,
                        "decision", "dismissed", "reason", "同意：网页记录的公开日期为2024-01-20")))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(json.readTree(dismissed.body()).get("state").asString()).isEqualTo("dismissed");
        double after = json.readTree(dismissed.body()).get("score").asDouble();
        assertThat(after).isGreaterThan(53.49);
        JsonNode stored = json.readTree(get("/api/assessments/" + id).body());
        assertThat(stored.get("score").asDouble()).isEqualTo(after);
        assertThat(stored.get("findings").valueStream().map(f -> f.get("ruleId").asString()))
                .doesNotContain("TIME-SIGNED-IN-REPORT-YEAR");
        JsonNode history = json.readTree(get("/api/assessments/" + id + "/reviews").body()).get("history");
        assertThat(history.get(0).get("reviewedBy").asString()).isEqualTo(SignIn.ADMIN);
        assertThat(history.get(0).get("reason").asString()).contains("笔误");
        assertThat(history.get(0).get("decision").asString()).isEqualTo("proposed");
        assertThat(history.get(1).get("reviewedBy").asString()).isEqualTo("second-reviewer");
        assertThat(history.get(1).get("decision").asString()).isEqualTo("dismissed");

        // confirming the undecided finding closes it
        String undecided = review.get("undecided").valueStream()
                .filter(i -> i.get("ruleId").asString().equals("TIME-SIGNATURE-DATE-IMPOSSIBLE")).findFirst().orElseThrow()
                .get("fingerprint").asString();
        int openBefore = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0).get("openReviews").asInt();
        assertThat(postJson("/api/assessments/" + id + "/reviews", json.writeValueAsString(java.util.Map.of(
                "fingerprint", undecided, "decision", "confirmed", "reason", "确无公开日期"))).statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0).get("openReviews").asInt())
                .isEqualTo(openBefore - 1);

        // the same report handed in again keeps the dismissal
        waitFor(post("/api/rounds/" + round + "/submissions", new Multipart().file("file", "004-again.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))));
        JsonNode again = json.readTree(get("/api/rounds/" + round + "/ranking").body()).get(0);
        assertThat(again.get("assessmentId").asLong()).isNotEqualTo(id);
        assertThat(again.get("score").asDouble()).isEqualTo(after);

        // an explicit, recorded re-score with another scorecard keeps it too; the facts of this one are marked as
        // drawn by an earlier extractor, so that it is read again from its text (and its facts kept anew)
        long againId = again.get("assessmentId").asLong();
        jdbc.sql("UPDATE assessment_facts SET extractor_version = 'earlier' WHERE assessment_id = :id").param("id", againId)
                .update();
        assertThat(postJson("/api/rounds/" + round + "/rescore", "{\"scorecard\":\"self-check\"}").statusCode()).isEqualTo(400);
        waitFor(postJson("/api/rounds/" + round + "/rescore", "{\"scorecard\":\"self-check\",\"reason\":\"改用自查记分卡试算\"}"));
        JsonNode moved = json.readTree(get("/api/rounds/" + round).body());
        assertThat(moved.get("scorecard").asString()).isEqualTo("self-check");
        assertThat(moved.get("scorecardVersion").asString()).startsWith("self-check@");
        JsonNode change = json.readTree(get("/api/rounds/" + round + "/changes").body()).get(0);
        assertThat(change.get("reason").asString()).isEqualTo("改用自查记分卡试算");
        assertThat(change.get("changedBy").asString()).isEqualTo(SignIn.ADMIN);
        JsonNode rescored = json.readTree(get("/api/assessments/" + again.get("assessmentId").asLong()).body());
        assertThat(rescored.get("ruleset").get("scorecard").asString()).startsWith("self-check@");
        assertThat(rescored.get("findings").valueStream().map(f -> f.get("ruleId").asString()))
                .contains("TIME-SIGNATURE-DATE-IMPOSSIBLE")
                .doesNotContain("TIME-SIGNED-IN-REPORT-YEAR");
        assertThat(jdbc.sql("SELECT extractor_version FROM assessment_facts WHERE assessment_id = :id").param("id", againId)
                .query(String.class).single()).isNotEqualTo("earlier").matches("[0-9a-f]{12}-[0-9a-f]{12}");

        // bad decisions
        assertThat(postJson("/api/assessments/" + id + "/reviews", "{\"fingerprint\":\"" + fingerprint
                + "\",\"decision\":\"maybe\",\"reason\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/api/assessments/" + id + "/reviews", "{\"fingerprint\":\"" + fingerprint
                + "\",\"decision\":\"dismissed\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/api/assessments/" + id + "/reviews", "{\"fingerprint\":\"NO-SUCH-RULE\",\"decision\":\"dismissed\",\"reason\":\"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(postJson("/api/assessments/987654/reviews", "{\"fingerprint\":\"x\",\"decision\":\"dismissed\",\"reason\":\"x\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedWithAClearMessage() throws Exception {
        assertThat(postJson("/api/rounds", "{\"year\":2023}").statusCode()).isEqualTo(400);
        assertThat(postJson("/api/rounds", "{\"name\":\"x\",\"year\":1999}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknownCard = postJson("/api/rounds", "{\"name\":\"x\",\"year\":2023,\"scorecard\":\"nope\"}");
        assertThat(unknownCard.statusCode()).isEqualTo(400);
        assertThat(unknownCard.body()).contains("nope");
        assertThat(get("/api/rounds/987654").statusCode()).isEqualTo(404);
        assertThat(get("/api/jobs/987654").statusCode()).isEqualTo(404);

        long round = open("名单有误", 2023);
        HttpResponse<String> readmeList = post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "agencies.csv",
                Files.readAllBytes(Path.of("src/test/resources/rounds/agencies.csv"))));
        assertThat(readmeList.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readmeList.body()).get("read").asInt()).isEqualTo(5);
        HttpResponse<String> noHeader = post("/api/rounds/" + round + "/agencies", new Multipart().file("file", "a.csv", "衢州市应急管理局,部门\n"));
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("单位名称");
        HttpResponse<String> badLevel = post("/api/rounds/" + round + "/agencies",
                new Multipart().file("file", "a.csv", "单位名称,层级\n衢州市应急管理局,省级\n"));
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(badLevel.body()).contains("第 2 行", "省级");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(java.net.URI.create(url("/api/rounds"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
