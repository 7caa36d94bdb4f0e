package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The result page in a real browser (Debian's chromium through chromium-driver, both installed by .ci/run), clicked
 * as an agency would: upload a report, click a finding, print, download the PDF. Screenshots are kept under
 * {@code target/screenshots/}; axe-core, run in the page, finds no serious accessibility violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-test;DB_CLOSE_DELAY=-1")
class ResultPageBrowserTest {

    static final Path SHOTS = Path.of("target/screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Files.createDirectories(SHOTS);
        browser = browser();
    }

    static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core's serious and critical violations on the page shown, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver driver) throws IOException {
        try (InputStream axe = ResultPageBrowserTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            driver.executeScript(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => "
                        + "({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}))));");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("nodes")).toList();
    }

    /** Waits (up to 10 s) until the browser shows what is expected, e.g. the page a form leads to. */
    static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(condition::apply);
    }

    /** Clicks an element as a person would: scrolled into view first. */
    static void click(WebElement e) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    @Test
    void anAgencyFindsEachFindingInItsReportPrintsItAndDownloadsThePdf() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url("/"));
        browser.findElement(By.name("file")).sendKeys(Samples.DIR.resolve("004_e93a6eea8c407df3.txt").toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("/check"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("忻州市应急管理局");
        screenshot(browser, "result");
        // the result lives at its own address: reloading shows it again, nothing is scored twice
        String address = browser.getCurrentUrl();
        assertThat(address).matches(".*/check/[A-Za-z0-9]{32}$");
        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).isEqualTo(address);
        assertThat(browser.findElement(By.id("published-on")).getText()).startsWith("公开日期 未能确定");
        assertThat(browser.findElements(By.cssSelector("details.review"))).as("no reviews on a self-check").isEmpty();

        // the finding for the missing row 「(七)总计」: clicking it shows its placeholder in table 3
        WebElement finding = browser.findElements(By.cssSelector(".finding-list li")).stream()
                .filter(li -> li.getText().contains("(七)总计") && li.getText().contains("缺少")).findFirst().orElseThrow();
        String number = finding.getAttribute("id").substring(2);
        click(finding.findElement(By.cssSelector("a.pin")));
        WebElement target = (WebElement) browser.executeScript("return document.querySelector(':target');");
        assertThat(target.getAttribute("id")).isEqualTo("at-" + number);
        assertThat(target.findElement(By.xpath("ancestor::div[contains(@class,'placeholder')]")).getText()).contains("缺少");
        assertThat(target.getCssValue("background-color")).isEqualTo("rgba(255, 243, 191, 1)");
        // the placeholder stands after the rows of table 3 that were read
        assertThat((Boolean) browser.executeScript(
                "const p = arguments[0].closest('.placeholder'); let e = p.previousElementSibling;"
                        + "return !!e && e.classList.contains('table-wrap') && e.textContent.includes('本年新收');", target)).isTrue();
        // and back: its number leads to the finding
        click(target.findElement(By.cssSelector("a.pin")));
        assertThat(((WebElement) browser.executeScript("return document.querySelector(':target');")).getAttribute("id"))
                .isEqualTo("f-" + number);

        // row and column names in Chinese, checks by name with their points
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("表3「(七)总计」行", "按期公开", "落款日期存在").doesNotContain("unavailable_unclear");
        assertThat(seriousViolations(browser)).isEmpty();

        // the print view: no navigation, no buttons
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.tagName("header")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("pdf-link")).isDisplayed()).isFalse();
        screenshot(browser, "result-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // a phone-width screen: the findings above the report, nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth;"))
                .as("the page is no wider than the screen (a wide table scrolls within its own box)")
                .isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth;"));
        screenshot(browser, "result-phone");
        assertThat(seriousViolations(browser)).isEmpty();
        browser.manage().window().setSize(new Dimension(1366, 768));

        // the PDF the page links to: agency, score and a finding's message read back
        String pdf = browser.findElement(By.id("pdf-link")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdf)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Files.write(SHOTS.resolve("result.pdf"), download.body());
        try (PDDocument doc = Loader.loadPDF(download.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("忻州市应急管理局", "53.49", "不合格", "落款日期2023-01-25在所报告的2023年度之内或之前");
        }
    }

    @Test
    void aZipOfReportsUploadedOnThePageIsScoredReportByReport() throws Exception {
        Path zip = Files.createTempFile("reports", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("000_0b909c2a4ee59f11.txt", "001_0f3a3c160bddc4d1.txt")) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(Samples.bytes(name));
                out.closeEntry();
            }
        }
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url("/"));
        browser.findElement(By.name("file")).sendKeys(zip.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("/check"));

        List<WebElement> rows = browser.findElements(By.cssSelector("main tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getText()).contains("清镇市人民政府办公室", "89.58");
        click(rows.get(1).findElement(By.linkText("查看结果")));
        waitFor(d -> d.getCurrentUrl().matches(".*/check/[A-Za-z0-9]+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("清镇市人民政府办公室");
        Files.delete(zip);
    }

    @Test
    void theScoringPageIsAccessibleAndSaysWhatAFileThatIsNoReportIs() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(url("/"));
        assertThat(seriousViolations(browser)).isEmpty();
        screenshot(browser, "index");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(seriousViolations(browser)).isEmpty();
        screenshot(browser, "index-phone");
        browser.manage().window().setSize(new Dimension(1366, 768));

        Path png = Files.createTempFile("scan", ".png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        browser.findElement(By.name("file")).sendKeys(png.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.findElements(By.cssSelector("main .problem")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("main .problem")).getText())
                .contains("上传的文件是一张 PNG 图片，不是年度报告").doesNotContain("UTF-8", "GBK");
        Files.delete(png);
        browser.get(url("/method"));
        assertThat(seriousViolations(browser)).isEmpty();
    }
}
