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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages people use, over real HTTP, and rendered by headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pages-test;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class WorkbenchPagesTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A browser of its own: cookies kept, redirects not followed, every form posted with its CSRF token. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** The CSRF token of this browser's session, as a page's form carries it. */
        String token() throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(m.find()).as("the login form carries a CSRF token").isTrue();
            return m.group(1);
        }

        HttpResponse<String> form(String path, String... fields) throws Exception {
            return formWithout(path, fieldsAnd(fields, "_csrf", token()));
        }

        HttpResponse<String> formWithout(String path, String... fields) throws Exception {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** A multipart form: the fields, then each file as {field, file name, content}. */
        HttpResponse<String> multipart(String path, List<String> fields, Object[]... files) throws Exception {
            String boundary = UUID.randomUUID().toString();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<String> all = new java.util.ArrayList<>(fields);
            all.addAll(List.of("_csrf", token()));
            for (int i = 0; i + 1 < all.size(); i += 2) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
                        + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Object[] file : files) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0] + "\"; filename=\""
                        + file[1] + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes((byte[]) file[2]);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> upload(String path, String filename, byte[] content) throws Exception {
            return multipart(path, List.of(), new Object[] {"file", filename, content});
        }

        /** Signs in through the login form, as a person does. */
        Browser signIn(String user, String password) throws Exception {
            HttpResponse<String> done = form("/login", "username", user, "password", password);
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }
    }

    private static String[] fieldsAnd(String[] fields, String... more) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A policy officer, signed in. */
    private Browser editor() throws Exception {
        return new Browser().signIn(SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
    }

    @Test
    void publishesTheScoringMethodInForceAsAPageToAnyoneAndAsJson() throws Exception {
        Browser anyone = new Browser();
        HttpResponse<String> page = anyone.get("/method");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("评分办法", "T1", "按期公开", "ARITH-T3-BALANCE", "封顶", "合格", "03-31");
        assertThat(page.body()).contains("机关种类", "国务院部门", "教育部", "街道办事处", "条例第四十九条第一款",
                "accountability_results", "条例》第五十条第四项", "COMP-GOV-ACCOUNTABILITY");
        assertThat(page.body()).contains("名称表", "new_received", "一、本年新收政府信息公开申请数量", "information_fee");

        HttpResponse<String> json = http.send(SignIn.asAdmin(url("/api/rules/method")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"categories\"", "\"caps\"", "\"organs\"", "\"deadline\":\"03-31\"",
                "ARITH-RULES-BY-ORGAN",
                "\"names\"", "{\"key\":\"carried_forward\",\"label\":\"四、结转下年度继续办理\",\"written\":[\"结转下年度\"");
    }

    @Test
    void anAnonymousSelfCheckIsShownOnlyThroughItsOwnLink() throws Exception {
        Browser agency = new Browser();
        assertThat(agency.get("/").body()).contains("报告评分", "name=\"file\"", "name=\"_csrf\"");

        // scored, then sent to the result's own address: reloading it never scores the report again
        HttpResponse<String> scored = agency.upload("/check", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"));
        assertThat(scored.statusCode()).isEqualTo(302);
        String location = scored.headers().firstValue("Location").orElse("");
        assertThat(location).matches(".*/check/[A-Za-z0-9]{32}$");
        HttpResponse<String> result = agency.get(location.substring(location.indexOf("/check/")));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("忻州市应急管理局", "53.49", "不合格", "TIME-SIGNED-IN-REPORT-YEAR", "更正落款日期");
        Matcher link = Pattern.compile("href=\"/check/([A-Za-z0-9]{32})\"").matcher(result.body());
        assertThat(link.find()).as("the result page gives the private link").isTrue();

        HttpResponse<String> again = new Browser().get("/check/" + link.group(1)); // anyone holding the link
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("忻州市应急管理局", "53.49");
        assertThat(new Browser().get("/check/" + "x".repeat(32)).statusCode()).isEqualTo(404);

        HttpResponse<String> empty = agency.upload("/check", "empty.txt", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("文件为空");
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefused() throws Exception {
        Browser editor = editor();
        String narrative = Files.readString(Path.of("rules/narrative.drl"));

        HttpResponse<String> forged = editor.formWithout("/workbench/files/narrative.drl", "action", "activate",
                "content", narrative.replace("第五部分未写明改进措施", "伪造"), "reason", "伪造");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(editor.get("/workbench").body()).doesNotContain("伪造");

        HttpResponse<String> anonymousCheck = new Browser().formWithout("/check", "level", "department");
        assertThat(anonymousCheck.statusCode()).isEqualTo(403);

        // a browser is told in Chinese what happened, not shown a stack trace
        HttpResponse<String> forbiddenPage = http.send(HttpRequest.newBuilder(URI.create(url("/workbench/files/narrative.drl")))
                .header("Accept", "text/html").header("Cookie", "JSESSIONID=none")
                .POST(HttpRequest.BodyPublishers.ofString("action=validate"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(forbiddenPage.statusCode()).isEqualTo(403);
        assertThat(forbiddenPage.body()).contains("没有权限", "刷新").doesNotContain("Whitelabel", "Exception");
    }

    @Test
    void theWorkbenchNeedsASignedInAccount() throws Exception {
        Browser anyone = new Browser();
        HttpResponse<String> page = anyone.get("/workbench");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(anyone.form("/workbench/files/narrative.drl", "action", "validate").statusCode()).isEqualTo(302);

        HttpResponse<String> wrong = anyone.form("/login", "username", SignIn.ADMIN, "password", "not-the-password");
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(anyone.get("/login?error").body()).contains("账号或密码不对");
    }

    @Test
    void theWorkbenchEditsValidatesActivatesAndRollsBackInTheNameOfTheSignedInAccount() throws Exception {
        Browser editor = editor();
        HttpResponse<String> workbench = editor.get("/workbench");
        assertThat(workbench.statusCode()).isEqualTo(200);
        assertThat(workbench.body()).contains("规则目录", "ARITH-T3-BALANCE-TOTAL", "required-statements.drl.xlsx", "规则测试");
        assertThat(workbench.body()).doesNotContain("name=\"by\"");

        String narrative = Files.readString(Path.of("rules/narrative.drl"));
        HttpResponse<String> broken = editor.form("/workbench/files/narrative.drl", "action", "validate",
                "content", narrative.replace("not Problem()", "not Problem("));
        assertThat(broken.statusCode()).isEqualTo(422);
        // told at its cause, in Chinese; the parser's own message (a line later) kept as a detail
        assertThat(broken.body()).contains("narrative.drl", "第 14 行起的圆括号「(」没有配对的「)」", "详细信息", "Line 15:8");

        String clearer = narrative.replace("第五部分未写明改进措施", "第五部分没有写改进措施");
        HttpResponse<String> activated = editor.form("/workbench/files/narrative.drl", "action", "activate",
                "content", clearer, "by", "赵六", "reason", "措辞更清楚", "confirmed", "yes");
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(activated.body()).contains("已启用", "修改 narrative.drl");
        assertThat(editor.get("/workbench").body()).contains("措辞更清楚").doesNotContain("赵六"); // a typed name counts for nothing

        String versions = http.send(SignIn.asAdmin(url("/api/rules/versions")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(versions).contains("\"activatedBy\":\"" + SignIn.ADMIN + "\",\"reason\":\"措辞更清楚\"");
        String firstId = versions.replaceAll("(?s).*\"id\":(\\d+).*", "$1"); // the oldest
        HttpResponse<String> back = editor.form("/workbench/versions/" + firstId + "/activate", "reason", "撤回",
                "confirmed", "yes");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(editor.get("/workbench").body()).contains("已重新启用版本 #" + firstId);
    }

    @Test
    void theSpreadsheetCanBeDownloaded() throws Exception {
        HttpResponse<byte[]> xlsx = editor().bytes("/workbench/files/required-statements.drl.xlsx/download");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith('P', 'K');
        assertThat(xlsx.body()).isEqualTo(Files.readAllBytes(Path.of("rules/required-statements.drl.xlsx")));
    }

    @Test
    void theScorecardGoesOutAsASpreadsheetAndComesBackForValidation() throws Exception {
        Browser editor = editor();
        HttpResponse<byte[]> sheet = editor.bytes("/workbench/scorecard.xlsx");
        assertThat(sheet.statusCode()).isEqualTo(200);

        HttpResponse<String> validated = editor.multipart("/workbench/files/scorecard.yaml", List.of("action", "validate"),
                new Object[] {"upload", "scorecard.xlsx", sheet.body()});

        assertThat(validated.statusCode()).isEqualTo(200);
        assertThat(validated.body()).contains("校验通过", "id: &quot;default&quot;"); // the converted YAML, escaped in the page
    }

    /** The pages as a browser renders them (Debian's chromium; .ci/run installs it). */
    @Test
    void headlessChromiumRendersTheWorkbenchAndTheScoringPage() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "needs Debian's chromium (.ci/run installs it)");
        for (String page : List.of("/method", "/", "/workbench")) {
            Path shot = dir.resolve("page.png");
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", "--screenshot=" + shot, "--window-size=1200,900",
                    url(page)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(dom).contains("政府信息公开工作年度报告");
            assertThat(dom).contains(switch (page) {
                case "/" -> "评分";
                case "/method" -> "ARITH-T3-BALANCE-TOTAL";
                default -> "登录"; // the workbench asks a browser without a session to sign in
            });
        }
    }

    /** A committee member sees a stored assessment as the result page, with the report as read; others do not. */
    @Test
    void aStoredAssessmentIsShownToAReviewerWithItsReportAsRead() throws Exception {
        HttpResponse<String> stored = HttpClient.newHttpClient().send(new Multipart()
                        .file("file", "004.txt", org.nianbao.Samples.bytes("004_e93a6eea8c407df3.txt"))
                        .post(SignIn.asAdmin(url("/api/assessments"))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored.body()).get("id").asLong();

        HttpResponse<String> page = editor().get("/assessments/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("忻州市应急管理局", "报告原文", "缺少或未能读出的内容", "/api/assessments/" + id + ".pdf");
        assertThat(new Browser().get("/assessments/" + id).statusCode()).isEqualTo(302); // to the sign-in page
        assertThat(editor().get("/assessments/987654").statusCode()).isEqualTo(404);
    }

    /** The committee's round pages: the rounds, a round's ranking with links to each assessment, its workbook. */
    @Test
    void aReviewerSeesARoundsRankingAndDownloadsItsWorkbook() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> opened = http.send(SignIn.asAdmin(url("/api/rounds")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"页面轮次\",\"year\":2023}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long round = tools.jackson.databind.json.JsonMapper.builder().build().readTree(opened.body()).get("id").asLong();
        http.send(new Multipart().file("file", "list.csv", "单位名称,分组\n忻州市应急管理局,区县部门\n衢州市应急管理局,市直部门\n")
                .post(SignIn.asAdmin(url("/api/rounds/" + round + "/agencies"))), HttpResponse.BodyHandlers.ofString());
        http.send(new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(SignIn.asAdmin(url("/api/rounds/" + round + "/submissions"))), HttpResponse.BodyHandlers.ofString());
        Browser reviewer = editor();
        String page = "";
        // the counts above the ranking name 已评分 from the start; the agency's row links its assessment once scored
        for (int i = 0; i < 300 && !page.contains("/assessments/"); i++) {
            Thread.sleep(100);
            page = reviewer.get("/rounds/" + round).body();
        }
        assertThat(page).contains("页面轮次", "忻州市应急管理局", "53.49", "已评分", "衢州市应急管理局", "未提交",
                "完整性", "/assessments/");
        assertThat(reviewer.get("/rounds").body()).contains("页面轮次");
        HttpResponse<byte[]> workbook = reviewer.bytes("/rounds/" + round + "/export?format=xlsx");
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook.body()))) {
            assertThat(book.getSheet("排名").getRow(2).getCell(1).getStringCellValue()).isEqualTo("忻州市应急管理局");
        }
        assertThat(new Browser().get("/rounds/" + round).statusCode()).isEqualTo(302);
    }

    private String versions() throws Exception {
        return http.send(SignIn.asAdmin(url("/api/rules/versions")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    @Test
    void anActivationIsPostedOnlyWhenItsConfirmationIsTicked() throws Exception {
        Browser editor = editor();
        String narrative = Files.readString(Path.of("rules/narrative.drl"));
        String before = versions();
        String page = editor.get("/workbench/files/narrative.drl").body();
        assertThat(page).contains("name=\"confirmed\"", "我已核对试算结果", "确定启用？启用后所有新评分都用这些规则");

        HttpResponse<String> unconfirmed = editor.form("/workbench/files/narrative.drl", "action", "activate",
                "content", narrative.replace("第五部分未写明改进措施", "未确认的措辞"), "reason", "未确认");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("请勾选「我已核对试算结果」", "未启用").doesNotContain("已启用：");
        assertThat(versions()).isEqualTo(before);

        String firstId = before.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        HttpResponse<String> back = editor.form("/workbench/versions/" + firstId + "/activate", "reason", "未确认");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(editor.get("/workbench").body()).contains("前请勾选确认");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aReviewerSeesTheCatalogueFilesAndHistoryWithoutControlsToEditActivateOrRollBack() throws Exception {
        HttpResponse<String> made = http.send(SignIn.asAdmin(url("/api/accounts"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=fuheyuan&password=a-long-enough-password&roles=REVIEWER"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Browser reviewer = new Browser().signIn("fuheyuan", "a-long-enough-password");

        String workbench = reviewer.get("/workbench").body();
        assertThat(workbench).contains("规则目录", "ARITH-T3-BALANCE-TOTAL", "历史版本", "第 1 版", "须由规则编辑人员操作")
                .doesNotContain("/workbench/versions/", "name=\"confirmed\"");
        String file = reviewer.get("/workbench/files/narrative.drl").body();
        assertThat(file).contains("只读", "readonly").doesNotContain("value=\"activate\"", "value=\"validate\"",
                "value=\"dry-run\"");
        assertThat(reviewer.get("/workbench/files/required-statements.drl.xlsx").body())
                .contains("下载当前启用的表格").doesNotContain("name=\"upload\"");

        // an editor is offered all of them
        String editing = editor().get("/workbench/files/narrative.drl").body();
        assertThat(editing).contains("value=\"activate\"", "value=\"validate\"", "value=\"dry-run\"").doesNotContain("只读");
        assertThat(editor().get("/workbench").body()).doesNotContain("须由规则编辑人员操作");
    }

    @Test
    void theCatalogueIsSearchedByRuleIdCheckTextOrFile() throws Exception {
        Browser editor = editor();
        String all = editor.get("/workbench").body();
        assertThat(all).contains("type=\"search\"", "name=\"q\"", "查找规则", "/catalogue.js");
        int rules = org.nianbao.rules.RuleSetLoader.load(Path.of("rules")).rules().size();
        assertThat(catalogueRows(all)).hasSize(rules); // without a query (and without scripts): every rule

        List<String> byId = catalogueRows(editor.get("/workbench?q=arith-t3-balance").body());
        assertThat(byId).isNotEmpty().allSatisfy(r -> assertThat(r).contains("ARITH-T3-BALANCE"));
        assertThat(catalogueRows(editor.get("/workbench?q=" + URLEncoder.encode("information-fee.dslr", StandardCharsets.UTF_8)).body()))
                .singleElement().asString().contains("NARR-NO-INFO-FEE");
        assertThat(catalogueRows(editor.get("/workbench?q=" + URLEncoder.encode("信息处理费", StandardCharsets.UTF_8)).body()))
                .anySatisfy(r -> assertThat(r).contains("NARR-NO-INFO-FEE"));
        String none = editor.get("/workbench?q=" + URLEncoder.encode("没有这样的规则", StandardCharsets.UTF_8)).body();
        assertThat(catalogueRows(none)).isEmpty();
        assertThat(none).contains("找到 0 条规则（共 " + rules + " 条）");
    }

    /** The rows of the catalogue's table in a workbench page. */
    private static List<String> catalogueRows(String page) {
        Matcher table = Pattern.compile("(?s)<table id=\"catalogue-rules\">.*?<tbody>(.*?)</tbody>").matcher(page);
        assertThat(table.find()).as("the catalogue's table").isTrue();
        return Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(table.group(1)).results().map(m -> m.group(1)).toList();
    }

    @Test
    void aSentenceTheRuleLanguageLacksIsToldInChineseAtItsLineOnTheFilePage() throws Exception {
        String fee = Files.readString(Path.of("rules/information-fee.dslr"));
        HttpResponse<String> page = editor().form("/workbench/files/information-fee.dslr", "action", "validate",
                "content", fee.replace("全文没有说明「信息处理费收取情况」", "全文未说明「信息处理费收取情况」"));

        assertThat(page.statusCode()).isEqualTo(422);
        String told = page.body().substring(0, page.body().indexOf("<details"));
        assertThat(told).contains("发现 1 处问题", "information-fee.dslr　第 12 行",
                "「全文未说明「信息处理费收取情况」」不是规则语言中的句子", "全文没有说明「信息处理费收取情况」")
                .doesNotContain("information_fee", "Unable to expand");
        assertThat(page.body().substring(page.body().indexOf("<details"))).contains("详细信息", "Unable to expand");
        assertThat(page.body()).contains("data-problem-lines=\"12\"");
    }

    @Test
    void theDryRunOpensOnTheLatestYearWithStoredReportsAndNamesEachReportByItsAgency() throws Exception {
        http.send(new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(SignIn.asAdmin(url("/api/assessments"))), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Browser editor = editor();
        assertThat(editor.get("/workbench/files/narrative.drl").body()).containsPattern("name=\"year\"[^>]*value=\"2023\"");

        // a check that deducts less per finding: the finding is one changed finding, under the agency's name
        String card = Files.readString(Path.of("scorecards/default.yaml"));
        String cheaper = card.replaceFirst("points: 3\n    perFinding: 3", "points: 3\n    perFinding: 2");
        assertThat(cheaper).isNotEqualTo(card);
        HttpResponse<String> tried = editor.form("/workbench/files/scorecard.yaml", "action", "dry-run", "content", cheaper);
        assertThat(tried.statusCode()).isEqualTo(200);
        String result = tried.body().substring(tried.body().indexOf("试算："));
        assertThat(result).contains("试算：2023年度", "忻州市应急管理局（2023年度）", "004.txt", "扣分有变化的问题",
                "TIME-SIGNED-IN-REPORT-YEAR (-3.0 → -2.0)");
        String row = result.substring(result.indexOf("忻州市应急管理局（2023年度）"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).doesNotContain("TIME-SIGNED-IN-REPORT-YEAR (-3.0)", "TIME-SIGNED-IN-REPORT-YEAR (-2.0)");
    }

    @Test
    void theFirstVersionsReasonReadsAsAPersonWouldWriteIt() throws Exception {
        String workbench = editor().get("/workbench").body();
        Matcher first = Pattern.compile("(?s)<td>第 1 版</td>(.*?)</tr>").matcher(workbench);
        assertThat(first.find()).isTrue();
        assertThat(first.group(1)).contains("启动时载入规则文件夹「rules」中的规则")
                .doesNotContain(System.getProperty("java.io.tmpdir"), "/tmp", "\\");
    }
}
