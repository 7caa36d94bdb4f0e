package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.DocPages;
import org.nianbao.NianbaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The curl examples of README.md and of every docs/*.md page run as written against a real service. Each page gets
 * a service of its own, freshly started on an empty H2 database in memory (so that the ids a page names — round 1,
 * job 1, assessment 1 — are those a reader following the page on a fresh service gets), with the test services' first
 * account ({@code src/test/resources/config/application.properties}). The page's curl lines run in order through
 * {@code bash -c} in the project's folder, so that {@code @src/test/resources/…} uploads resolve, with
 * {@code http://localhost:8080} replaced by the service's port, {@code admin:change-me-now} by the first account's
 * credentials, {@code -sS --fail-with-body} added after each {@code curl}, and files a line writes ({@code -o FILE})
 * put in a temporary folder; each must end with status 0. A line {@code NAME=$(curl …)} keeps what it prints for the
 * lines after it, as a shell would. Each line and its answer are written to {@code target/http-examples/PAGE.txt}.
 */
class ReadmeHttpExamplesTest {

    private static final Pattern CURL = Pattern.compile("(^|[\\s;&|(])curl\\s");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=\\$\\((.*)\\)$");
    private static final Pattern OUTPUT = Pattern.compile("(\\s(?:-o|--output)\\s+|\\s>\\s*)(?![/&])([^\\s'\"]+)");

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsACurlExample() throws IOException {
        assertThat(curlLines(Files.readString(Path.of("README.md")))).as("README.md's self-check over HTTP").isNotEmpty();
    }

    @Test
    void aQueryWithChineseIsPercentEncodedForCurl() throws IOException {
        for (Path page : DocPages.all()) {
            for (String line : curlLines(Files.readString(page))) {
                Matcher url = Pattern.compile("https?://\\S+").matcher(line);
                while (url.find()) {
                    assertThat(url.group().chars().allMatch(c -> c < 128)).as(page + ": a URL curl sends as it is: " + line).isTrue();
                }
            }
        }
    }

    @Test
    void theReadmesCurlExamplesRunAgainstARealService() throws Exception {
        run(Path.of("README.md"), curlLines(Files.readString(Path.of("README.md"))));
    }

    /** The docs pages' curl examples: a service each, a minute or two in all, so with the slow tests (.ci/run). */
    @TestFactory
    @org.junit.jupiter.api.Tag("slow")
    Stream<DynamicTest> theCurlExamplesOfEveryDocsPageRunAgainstARealService() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : DocPages.all()) {
            if (page.equals(Path.of("README.md"))) {
                continue;
            }
            List<String> lines = curlLines(Files.readString(page));
            if (!lines.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(page.toString(), () -> run(page, lines)));
            }
        }
        return tests.stream();
    }

    /** The lines of a page's shell blocks that call curl, in order. */
    static List<String> curlLines(String page) {
        List<String> lines = new ArrayList<>();
        for (DocPages.Block block : DocPages.shellBlocks(page)) {
            block.lines().stream().filter(l -> CURL.matcher(l).find()).forEach(lines::add);
        }
        return lines;
    }

    private void run(Path page, List<String> lines) throws Exception {
        String name = DocPages.name(page);
        Path files = Files.createDirectories(dir.resolve(name));
        Path transcript = Path.of("target", "http-examples", name + ".txt");
        Files.createDirectories(transcript.getParent());
        StringBuilder log = new StringBuilder();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NianbaoApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:http-examples-" + name + ";DB_CLOSE_DELAY=-1")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            awaitReady(port);
            Map<String, String> variables = new LinkedHashMap<>();
            for (String line : lines) {
                Matcher assignment = ASSIGNMENT.matcher(line);
                String command = adapt(assignment.matches() ? assignment.group(2) : line, port, files);
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command)
                        .directory(Path.of("").toAbsolutePath().toFile());
                builder.environment().putAll(variables);
                Path output = files.resolve("stdout.txt");
                Path errors = files.resolve("stderr.txt");
                builder.redirectOutput(output.toFile());
                if (assignment.matches()) {
                    builder.redirectError(errors.toFile()); // what it prints is kept, its messages apart
                } else {
                    builder.redirectErrorStream(true);
                }
                Process p = builder.start();
                boolean ended = p.waitFor(180, TimeUnit.SECONDS);
                if (!ended) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor();
                }
                String out = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
                String err = assignment.matches() ? new String(Files.readAllBytes(errors), StandardCharsets.UTF_8) : "";
                log.append("$ ").append(line).append('\n').append(out).append(err).append("\n\n");
                Files.writeString(transcript, log);
                assertThat(ended).as(page + ": " + line + " did not end within 180 s").isTrue();
                assertThat(p.exitValue()).as(page + ": " + line + "\n" + out + err).isZero();
                if (assignment.matches()) {
                    variables.put(assignment.group(1), out.strip());
                }
            }
        }
    }

    /** The line as it runs here: this service's port and first account, curl failing on an error, files kept apart. */
    private static String adapt(String line, int port, Path files) {
        String adapted = line.replace("http://localhost:8080", "http://localhost:" + port)
                .replace("admin:change-me-now", SignIn.ADMIN + ":" + SignIn.ADMIN_PASSWORD);
        adapted = CURL.matcher(adapted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "curl -sS --fail-with-body "));
        return OUTPUT.matcher(adapted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "'" + files.resolve(m.group(2)) + "'"));
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service on port " + port + " was not ready within 60 s");
    }
}
