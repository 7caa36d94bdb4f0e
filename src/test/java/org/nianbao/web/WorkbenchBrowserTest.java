package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rules workbench in a real browser, as policy staff use it: a full-width quote typed into arithmetic.drl is
 * told in Chinese at its line with the editor's marker there; fixed, tried on the stored reports, activated and
 * rolled back, with the reason typed once and the signed-in account as the operator.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:workbench-browser;DB_CLOSE_DELAY=-1")
class WorkbenchBrowserTest {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Files.createDirectories(ResultPageBrowserTest.SHOTS);
        browser = ResultPageBrowserTest.browser();
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

    private void click(By by) {
        WebElement e = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /** Waits (up to 30 s: an activation runs every rule test) until the page says {@code text}. */
    private void until(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // the page being replaced
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** An activation asks first: the question is answered yes. */
    private void acceptConfirmation() {
        org.openqa.selenium.Alert alert = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).isEqualTo("确定启用？启用后所有新评分都用这些规则");
        alert.accept();
    }

    private void signIn() {
        browser.get(url("/login"));
        if (!browser.getCurrentUrl().contains("/login") || browser.findElements(By.name("username")).isEmpty()) {
            return; // signed in already
        }
        browser.findElement(By.name("username")).sendKeys(SignIn.ADMIN);
        browser.findElement(By.name("password")).sendKeys(SignIn.ADMIN_PASSWORD);
        click(By.cssSelector("form button[type=submit]"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Keys pressed in the focused element, a new sequence each time. */
    private org.openqa.selenium.interactions.Actions keys() {
        return new org.openqa.selenium.interactions.Actions(browser);
    }

    private boolean focusInEditor() {
        return (Boolean) browser.executeScript("return !!document.activeElement.closest('.CodeMirror');");
    }

    @Test
    void theEditorIsLeftByEscThenTabAndItsButtonsAreReachedByKeyboard() throws Exception {
        signIn();
        browser.get(url("/workbench/files/narrative.drl"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".CodeMirror-linenumber")).isEmpty());
        WebElement input = browser.findElement(By.cssSelector(".CodeMirror textarea"));
        assertThat(input.getAttribute("aria-describedby")).isEqualTo("editor-keys");
        assertThat(browser.findElement(By.id("editor-keys")).getAttribute("textContent")).contains("Esc", "Tab", "Shift+Tab");

        browser.executeScript("ruleEditor.focus(); ruleEditor.setCursor({line: 0, ch: 0});");
        keys().sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(focusInEditor()).as("Tab alone indents").isTrue();
        assertThat((String) browser.executeScript("return ruleEditor.getLine(0);")).matches("^\\s+.*");

        keys().sendKeys(org.openqa.selenium.Keys.ESCAPE).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(focusInEditor()).as("Esc then Tab leaves the editor").isFalse();
        assertThat((String) browser.executeScript("return document.activeElement.name;")).isEqualTo("year");
        for (String next : java.util.List.of("reason", "confirmed", "action")) {
            keys().sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertThat((String) browser.executeScript("return document.activeElement.name;")).isEqualTo(next);
        }
        assertThat((String) browser.executeScript("return document.activeElement.value;")).isEqualTo("validate");
        keys().sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat((String) browser.executeScript("return document.activeElement.value;")).isEqualTo("dry-run");
        keys().sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat((String) browser.executeScript("return document.activeElement.value;")).isEqualTo("activate");

        browser.executeScript("ruleEditor.focus();");
        keys().sendKeys(org.openqa.selenium.Keys.ESCAPE).keyDown(org.openqa.selenium.Keys.SHIFT)
                .sendKeys(org.openqa.selenium.Keys.TAB).keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        assertThat(focusInEditor()).as("Esc then Shift+Tab leaves the editor backwards").isFalse();
        assertThat((String) browser.executeScript("return document.activeElement.tagName;")).isNotEqualTo("BODY");
        assertThat(ResultPageBrowserTest.seriousViolations(browser)).isEmpty();

        // the catalogue's search box filters as one types
        browser.get(url("/workbench"));
        browser.findElement(By.id("catalogue-q")).sendKeys("information-fee");
        assertThat(browser.findElements(By.cssSelector("#catalogue-rules tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList()).singleElement().asString().contains("NARR-NO-INFO-FEE");
        assertThat(browser.findElement(By.id("catalogue-count")).getText()).startsWith("找到 1 条规则");
        assertThat(ResultPageBrowserTest.seriousViolations(browser)).isEmpty();
    }

    @Test
    void aFullWidthQuoteIsToldInChineseAtItsLineThenTheFixIsTriedActivatedAndRolledBack() throws Exception {
        signIn();

        browser.get(url("/workbench/files/arithmetic.drl"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".CodeMirror-linenumber")).isEmpty());
        String original = (String) browser.executeScript("return ruleEditor.getValue();");
        int line = 0;
        String[] lines = original.split("\n", -1);
        for (int i = 0; i < lines.length && line == 0; i++) {
            if (lines[i].strip().startsWith("\"表3")) {
                line = i + 1; // the first message line of a rule: a string that opens with a quote
            }
        }
        assertThat(line).isPositive();
        browser.executeScript("const n = arguments[0] - 1; const l = ruleEditor.getLine(n);"
                + "ruleEditor.replaceRange(l.replace('\"', '\u201c'), {line: n, ch: 0}, {line: n, ch: l.length});", line);

        browser.findElement(By.name("reason")).sendKeys("更正第" + line + "行的引号");
        click(By.cssSelector("button[value=validate]"));
        until("未启用");

        String problems = browser.findElement(By.tagName("main")).getText();
        assertThat(problems).contains("第 " + line + " 行第", "全角的「\u201c」", "半角");
        assertThat(browser.findElements(By.cssSelector(".problem")).get(0).getText()).doesNotContain("[ERR");
        assertThat(browser.findElement(By.tagName("details")).getText()).contains("详细信息");
        assertThat((Boolean) browser.executeScript(
                "const info = ruleEditor.lineInfo(arguments[0] - 1);"
                        + "return !!(info.gutterMarkers && info.gutterMarkers['problem-markers']);", line)).isTrue();
        assertThat(browser.findElement(By.name("reason")).getAttribute("value")).isEqualTo("更正第" + line + "行的引号");
        ResultPageBrowserTest.screenshot(browser, "workbench-error");
        assertThat(ResultPageBrowserTest.seriousViolations(browser)).isEmpty();

        // fixed: tried on the stored reports, then activated, the reason typed only once
        browser.executeScript("ruleEditor.setValue(arguments[0]); window.samePage = true;", original);
        click(By.cssSelector("button[value=dry-run]"));
        until("试算：");
        // followed in the page: the problems told before are gone, the result is there, the page was not sent again
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("试算", "份不变").doesNotContain("未启用");
        assertThat((Boolean) browser.executeScript("return window.samePage === true;")).isTrue();
        assertThat((String) browser.executeScript("return ruleEditor.getValue();")).isEqualTo(original);
        assertThat(browser.findElement(By.name("reason")).getAttribute("value")).isEqualTo("更正第" + line + "行的引号");
        click(By.cssSelector("button[value=activate]"));
        acceptConfirmation();
        until("已启用");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已启用");

        browser.get(url("/workbench"));
        String workbench = browser.findElement(By.tagName("main")).getText();
        assertThat(workbench).contains("更正第" + line + "行的引号", SignIn.ADMIN, "数据一致性", "错误");
        ResultPageBrowserTest.screenshot(browser, "workbench");
        assertThat(ResultPageBrowserTest.seriousViolations(browser)).isEmpty();

        // roll back to the version before
        WebElement form = browser.findElements(By.cssSelector("form[action*='/workbench/versions/']")).get(0);
        form.findElement(By.name("reason")).sendKeys("回到上一版");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", form);
        form.findElement(By.cssSelector("button")).click();
        acceptConfirmation();
        until("已重新启用版本");
        assertThat(browser.getCurrentUrl()).doesNotContain("jsessionid");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已重新启用版本");

        // the rule tests: listed, opened in the editor, validated
        click(By.linkText("tests/samples.yaml"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".CodeMirror-linenumber")).isEmpty());
        assertThat((String) browser.executeScript("return ruleEditor.getValue();")).contains("cases:", "mustFire");
        click(By.cssSelector("button[value=validate]"));
        until("校验通过");
    }
}
