package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Hashes;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A committee runs its round in a real browser, with clicks only: opens the round, imports its agency list (a bad
 * line named before anything is imported), uploads a ZIP of reports, follows the job to its end, assigns the report
 * that matched no agency, reads the charts, sorts and filters the ranking, dismisses findings with a reason on an
 * assessment's page (struck through there, in the PDF and in the workbook; an error waits for a second reviewer),
 * and exports. A second round collects its reports from a local web server by the addresses its list gives. Every
 * page is checked by axe-core at 1366 and 390 pixels, and kept as a screenshot in {@code target/screenshots/}.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:round-pages-browser;DB_CLOSE_DELAY=-1",
        "nianbao.collect.allowed-hosts=127.0.0.1",
        "nianbao.collect.allowed-addresses=127.0.0.1",
        "nianbao.collect.per-host-interval=100ms",
        "nianbao.jobs.poll=PT0.3S"})
class RoundPagesBrowserTest {

    private static final Path RULE_REPORTS = Path.of("rules/tests/reports");

    private static ChromeDriver browser;
    private static HttpServer site;
    private static final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Files.createDirectories(ResultPageBrowserTest.SHOTS);
        browser = ResultPageBrowserTest.browser();
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = pages.get(exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static String text(String css) {
        return find(css).getText();
    }

    private static void click(WebElement e) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    private static void click(By by) {
        click(browser.findElement(by));
    }

    /** Waits (up to {@code seconds}) until the browser shows what is expected; a page being replaced is waited out. */
    private static void until(int seconds, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static boolean says(WebDriver d, String text) {
        return d.findElement(By.tagName("main")).getText().contains(text);
    }

    /**
     * The page at a laptop's width and at a phone's: kept as screenshots, no serious or critical axe-core violation
     * either way, and at 390 px nothing wider than the screen (a wide table scrolls in its own box).
     */
    private static void looked(String name) throws IOException {
        browser.manage().window().setSize(new Dimension(1366, 900));
        wholePage(name);
        assertThat(ResultPageBrowserTest.seriousViolations(browser)).as(name + " at 1366 px").isEmpty();
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth;")).as(name + ": no wider than a phone")
                .isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth;"));
        wholePage(name + "-phone");
        assertThat(ResultPageBrowserTest.seriousViolations(browser)).as(name + " at 390 px").isEmpty();
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    /** A screenshot of the whole page, not only of what the window shows (at most 6000 pixels down). */
    @SuppressWarnings("unchecked")
    private static void wholePage(String name) throws IOException {
        Map<String, Object> size = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(6000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(ResultPageBrowserTest.SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    private void signedIn() {
        browser.get(url("/rounds"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.name("username")).sendKeys(SignIn.ADMIN);
            browser.findElement(By.name("password")).sendKeys(SignIn.ADMIN_PASSWORD);
            click(By.cssSelector("main form button[type=submit]"));
            until(10, d -> !d.getCurrentUrl().contains("/login"));
        }
    }

    /** Opens a round from the rounds page; the browser is on the round's page after. */
    private long open(String name) {
        browser.get(url("/rounds"));
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("year")).clear();
        browser.findElement(By.name("year")).sendKeys("2023");
        click(By.cssSelector("form[action='/rounds'] button[type=submit]"));
        until(10, d -> d.getCurrentUrl().matches(".*/rounds/\\d+$"));
        return Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rounds/", ""));
    }

    /** Imports an agency list through its page: read, looked at, then imported. */
    private void importAgencies(Path list, String problem, int count) throws IOException {
        click(By.linkText("导入单位名单"));
        until(10, d -> d.getCurrentUrl().endsWith("/agencies"));
        browser.findElement(By.name("file")).sendKeys(list.toAbsolutePath().toString());
        click(By.xpath("//button[text()='读取并核对']"));
        until(10, d -> says(d, "导入前核对"));
        if (problem != null) {
            assertThat(text("#preview")).contains(problem, "将导入 " + count + " 个单位");
            looked("round-agencies-preview");
        }
        click(By.xpath("//button[starts-with(text(), '导入这 ')]"));
        until(10, d -> says(d, "已导入 " + count + " 个单位"));
    }

    /** The bytes an address of the service gives to the browser's session. */
    private byte[] download(String href) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(href).isEqualTo(200);
        return answer.body();
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path file = Files.createTempDirectory("round").resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void aCommitteeRunsItsRoundFromThePagesWithClicksOnly() throws Exception {
        signedIn();
        looked("rounds");
        long round = open("2023年度市级政务公开评估");
        assertThat(text("main")).contains("已开设", "导入单位名单", "驳回错误类问题须经第二位评议人同意");

        importAgencies(write("单位名单.csv", """
                单位名称,层级,分组,别名
                清镇市人民政府办公室,部门,市直部门,清镇市政府办
                衢州市应急管理局,部门,市直部门,市应急局
                杭州市余杭区应急管理局,部门,区县部门,余杭区应急管理局
                忻州市应急管理局,部门,区县部门,
                某市数据资源局,省级,市直部门,
                某某县人民政府,人民政府,县区政府,
                某某区人民政府,人民政府,县区政府,
                """.getBytes(StandardCharsets.UTF_8)), "第 6 行的层级「省级」无法识别", 6);

        // a ZIP of reports, uploaded on the page and followed as a job
        click(By.linkText("上传报告"));
        until(10, d -> d.getCurrentUrl().endsWith("/upload"));
        looked("round-upload");
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String[] e : new String[][] {{"001.txt", "001_0f3a3c160bddc4d1.txt"}, {"000.txt", "000_0b909c2a4ee59f11.txt"},
                    {"003.txt", "003_a08e251a7459b3ee.txt"}, {"004.txt", "004_e93a6eea8c407df3.txt"}}) {
                out.putNextEntry(new ZipEntry(e[0]));
                out.write(Samples.bytes(e[1]));
            }
            out.putNextEntry(new ZipEntry("平阳县.txt"));
            out.write(Files.readAllBytes(RULE_REPORTS.resolve("county-composite-report.txt")));
            out.putNextEntry(new ZipEntry("某某区人民政府2023年报告.pdf"));
            out.write("%PDF-1.7 not really a PDF\n%%EOF".getBytes(StandardCharsets.UTF_8));
        }
        browser.findElement(By.id("report-files")).sendKeys(write("reports.zip", zip.toByteArray()).toString());
        assertThat(text("#chosen-files")).contains("reports.zip");
        click(By.xpath("//button[text()='上传并评分']"));
        until(15, d -> d.getCurrentUrl().contains("/jobs/"));
        until(120, d -> says(d, "已完成"));
        assertThat(text("#job-text")).contains("6 份中 5 份处理完毕，1 份失败");
        assertThat(text("main")).contains("某某区人民政府2023年报告.pdf", "无法评分");
        looked("round-job");
        click(By.id("back-to-round"));
        until(10, d -> d.getCurrentUrl().endsWith("/rounds/" + round));

        // the round at a glance: counts, charts, each category with its maximum, a failure with its reason
        assertThat(text(".tiles")).contains("6\n应交单位", "4\n已评分", "1\n未提交", "1\n无法评分", "1\n未匹配的报告");
        until(20, d -> "4".equals(find(".charts").getAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(text("table.ranking thead")).contains("完整性（30）", "及时性（15）", "总分（100）");
        WebElement failed = browser.findElement(By.xpath("//tr[td/a[text()='某某区人民政府']]"));
        assertThat(failed.getText()).contains("无法评分");
        assertThat(failed.findElement(By.cssSelector(".reason")).getText()).isNotBlank();

        // the report no agency matched, assigned to the likeliest one
        WebElement unmatched = find("#unmatched");
        assertThat(unmatched.getText()).contains("平阳县人民政府");
        Select agency = new Select(unmatched.findElement(By.name("agencyId")));
        agency.selectByVisibleText("某某县人民政府");
        click(unmatched.findElement(By.xpath(".//button[text()='指定']")));
        until(10, d -> says(d, "已将报告指定给「某某县人民政府」"));
        assertThat(text(".tiles")).contains("5\n已评分", "0\n未提交", "0\n未匹配的报告");
        looked("round");

        // sorted by the total, filtered by group, searched by name
        click(By.linkText("总分（100）"));
        until(10, d -> d.getCurrentUrl().contains("sort=score"));
        List<Double> scores = browser.findElements(By.cssSelector("table.ranking tbody tr td:nth-child(4)")).stream()
                .map(WebElement::getText).filter(t -> !t.equals("—")).map(Double::valueOf).toList();
        assertThat(scores).hasSize(5).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        new Select(browser.findElement(By.name("group"))).selectByVisibleText("区县部门");
        click(By.xpath("//button[text()='筛选']"));
        until(10, d -> d.getCurrentUrl().contains("group="));
        assertThat(browser.findElements(By.cssSelector("table.ranking tbody tr"))).hasSize(2)
                .allSatisfy(tr -> assertThat(tr.getText()).startsWith("区县部门"));
        click(By.linkText("清除筛选"));
        browser.findElement(By.name("q")).sendKeys("清镇");
        click(By.xpath("//button[text()='筛选']"));
        until(10, d -> d.getCurrentUrl().contains("q="));
        assertThat(browser.findElements(By.cssSelector("table.ranking tbody tr"))).singleElement().asString();
        assertThat(text("table.ranking tbody")).contains("清镇市人民政府办公室");

        // round → agency → assessment, and back
        browser.get(url("/rounds/" + round));
        click(By.linkText("忻州市应急管理局"));
        until(10, d -> d.getCurrentUrl().contains("/agencies/"));
        looked("round-agency");
        click(By.linkText("查看评分结果和问题"));
        until(10, d -> d.getCurrentUrl().contains("/assessments/"));
        assertThat(text(".crumbs")).contains("评估轮次", "2023年度市级政务公开评估", "忻州市应急管理局", "评分结果");

        // a warning dismissed with a reason: struck through, with who and why
        WebElement warning = browser.findElements(By.cssSelector(".finding-list > li")).stream()
                .filter(li -> li.getText().contains("未说明上一年度报告所列问题的整改情况")).findFirst().orElseThrow();
        String scoreBefore = text(".score");
        click(warning.findElement(By.cssSelector("details.review summary")));
        click(warning.findElement(By.cssSelector("input[value=dismissed]")));
        warning.findElement(By.name("reason")).sendKeys("上年报告未列问题，无须说明整改");
        click(warning.findElement(By.xpath(".//button[text()='提交复核']")));
        until(10, d -> says(d, "已驳回，不再扣分"));
        assertThat(text(".score")).isNotEqualTo(scoreBefore);
        WebElement struck = find(".dismissed li");
        assertThat(struck.findElement(By.tagName("del")).getText()).contains("未说明上一年度报告所列问题的整改情况");
        assertThat(struck.getText()).contains(SignIn.ADMIN + " 于 ", "驳回，理由：上年报告未列问题，无须说明整改");
        // an error waits for a second reviewer
        WebElement error = browser.findElements(By.cssSelector(".finding-list > li")).stream()
                .filter(li -> li.getText().contains("落款日期2023-01-25在所报告的2023年度之内")).findFirst().orElseThrow();
        click(error.findElement(By.cssSelector("details.review summary")));
        click(error.findElement(By.cssSelector("input[value=dismissed]")));
        error.findElement(By.name("reason")).sendKeys("落款日期为笔误");
        click(error.findElement(By.xpath(".//button[text()='提交复核']")));
        until(10, d -> says(d, "已提议驳回"));
        assertThat(text("main")).contains(SignIn.ADMIN + " 已提议驳回，理由：落款日期为笔误。须另一位评议人同意后才生效。");
        looked("assessment");

        // the PDF and the workbook say the same
        try (PDDocument pdf = Loader.loadPDF(download(find("#pdf-link").getAttribute("href")))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("评议组驳回的问题", "第五部分未说明上一年度报告所列问题的整改情况",
                    "驳回，理由：上年报告未列问题，无须说明整改", "已提议驳回（落款日期为笔误）");
        }
        click(By.cssSelector(".crumbs a[href$='/rounds/" + round + "']"));
        until(10, d -> d.getCurrentUrl().endsWith("/rounds/" + round));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(
                browser.findElement(By.linkText("导出 Excel")).getAttribute("href"))))) {
            XSSFSheet findings = book.getSheet("问题清单");
            XSSFRow dismissed = null;
            for (int r = 2; r <= findings.getLastRowNum(); r++) {
                if ("已驳回".equals(findings.getRow(r).getCell(3).getStringCellValue())) {
                    dismissed = findings.getRow(r);
                }
            }
            assertThat((Object) dismissed).as("a dismissed finding in the workbook").isNotNull();
            assertThat(dismissed.getCell(5).getStringCellValue()).contains("未说明上一年度报告所列问题的整改情况");
            assertThat(dismissed.getCell(5).getCellStyle().getFont().getStrikeout()).isTrue();
            assertThat(dismissed.getCell(8).getStringCellValue()).contains(SignIn.ADMIN, "上年报告未列问题，无须说明整改");
            assertThat(book.getSheet("排名").getRow(1).getCell(4).getStringCellValue()).isEqualTo("总分");
        }

        // what fails answers as a page; signing out is asked first
        browser.get(url("/rounds/987654"));
        assertThat(text("h1")).isEqualTo("没有这个页面");
        assertThat(text("main")).contains("没有编号为 987654 的评估轮次");
        looked("error");
        browser.get(url("/logout"));
        assertThat(text("main")).contains("当前以 " + SignIn.ADMIN + " 登录");
        looked("logout");
    }

    @Test
    void aRoundCollectsItsReportsFromTheAgenciesSitesByTheAddressesItsListGives() throws Exception {
        pages.put("/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        pages.put("/qz/list.html", ("<html><head><meta charset=\"utf-8\"></head><body><ul>"
                + "<li><a href=\"2022.html\">衢州市应急管理局2022年政府信息公开工作年度报告</a></li>"
                + "<li><a href=\"2023.html\">衢州市应急管理局2023年政府信息公开工作年度报告</a></li></ul></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder report = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><p>发布时间：2024-01-20</p>");
        Samples.text("000_0b909c2a4ee59f11.txt").lines().forEach(l -> report.append("<p>").append(l).append("</p>\n"));
        pages.put("/qz/2023.html", report.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8));
        byte[] pdf = Files.readAllBytes(Path.of("src/test/resources/pdf/word/001.pdf"));
        pages.put("/qc/notice.html", ("<html><head><meta charset=\"utf-8\"></head><body><h1>关于公开年度报告的通知</h1>"
                + "<p>发布时间：2024-01-30</p><p>附件：<a href=\"files/2023report.pdf\">清镇市人民政府办公室2023年政府信息公开工作年度报告.pdf</a></p>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8));
        pages.put("/qc/files/2023report.pdf", pdf);
        pages.put("/private/xz.html", report.toString().getBytes(StandardCharsets.UTF_8));
        String site = "http://127.0.0.1:" + RoundPagesBrowserTest.site.getAddress().getPort();

        signedIn();
        long round = open("2023年度网站采集");
        importAgencies(write("名单.csv", ("单位名称,层级,分组,报告地址\n"
                + "衢州市应急管理局,部门,市直部门," + site + "/qz/list.html\n"
                + "清镇市人民政府办公室,部门,市直部门," + site + "/qc/notice.html\n"
                + "忻州市应急管理局,部门,市直部门," + site + "/private/xz.html\n"
                + "杭州市余杭区应急管理局,部门,区县部门," + site + "/gone.html\n"
                + "定西市应急管理局,部门,市直部门,https://www.dingxi.example.org/report.html\n").getBytes(StandardCharsets.UTF_8)),
                null, 5);

        click(By.xpath("//button[starts-with(text(), '从网站采集报告')]"));
        until(15, d -> d.getCurrentUrl().contains("/jobs/"));
        until(120, d -> says(d, "已完成"));
        String job = text("main");
        assertThat(job).contains("5 份中 2 份处理完毕，3 份失败", "robots.txt 不允许采集", "返回 HTTP 404（页面不存在）",
                "www.dingxi.example.org 不在允许采集的范围内");
        looked("round-collect-job");
        click(By.id("back-to-round"));
        until(10, d -> d.getCurrentUrl().endsWith("/rounds/" + round));
        assertThat(browser.findElement(By.xpath("//tr[td/a[text()='衢州市应急管理局']]")).getText()).contains("已评分");
        assertThat(browser.findElement(By.xpath("//tr[td/a[text()='清镇市人民政府办公室']]")).getText()).contains("已评分");
        assertThat(browser.findElement(By.xpath("//tr[td/a[text()='忻州市应急管理局']]")).getText())
                .contains("无法评分", "采集失败：网站的 robots.txt 不允许采集");

        // the evidence: the page and the attached report, kept as fetched with their time and SHA-256
        click(By.linkText("清镇市人民政府办公室"));
        until(10, d -> d.getCurrentUrl().contains("/agencies/"));
        List<WebElement> captures = browser.findElements(By.cssSelector(".handed tbody tr"));
        assertThat(captures).hasSize(2);
        assertThat(captures.get(0).getText()).contains("/qc/notice.html", "页面");
        assertThat(captures.get(1).getText()).contains("/qc/files/2023report.pdf", "报告", Hashes.sha256(pdf));
        assertThat(download(captures.get(1).findElement(By.linkText("下载")).getAttribute("href"))).isEqualTo(pdf);
        looked("round-collected-agency");
        click(By.linkText("评分结果"));
        until(10, d -> d.getCurrentUrl().contains("/assessments/"));
        // the attachment's page gave its publication date
        assertThat(text("#published-on")).contains("2024-01-30");
    }
}
