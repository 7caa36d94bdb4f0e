package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks from the corpus ({@code src/test/resources/attacks}) sent the ways an EDITOR sends rules: the validation
 * API, the dry-run API and the workbench's editor. Each is refused with its file and line, nothing of it runs, and the
 * service goes on serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:rule-attacks;DB_CLOSE_DELAY=-1")
@Tag("database")
class RuleAttacksOverHttpTest {

    private static final Path CORPUS = Path.of("src/test/resources/attacks");
    private static final List<String> SENT = List.of("047-escape-line-comment", "049-escape-string-literal",
            "060-named-consequence", "068-when-getclass-forname", "106-nested-from-collect", "111-nested-groupby-key",
            "117-dsl-then-files", "125-table-action-system");

    @LocalServerPort
    int port;

    @TempDir
    Path markers;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The attack's files, with the traces it would leave pointing into this test's folder. */
    private Map<String, String> attack(String name) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (var all = Files.list(CORPUS)) {
            for (Path f : all.filter(p -> p.getFileName().toString().startsWith(name + ".")).sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readString(f)
                        .replace("@MARKER@", markers.resolve(name).toString())
                        .replace("@PROP@", "nianbao.http-attack." + name).replace("@PORT@", "9"));
            }
        }
        assertThat(files).as(name).isNotEmpty();
        return files;
    }

    private boolean ran(String name) {
        return Files.exists(markers.resolve(name)) || System.getProperty("nianbao.http-attack." + name) != null;
    }

    private HttpResponse<String> multipart(String path, Map<String, String> files) throws Exception {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + f.getKey() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(SignIn.asAdmin("http://localhost:" + port + path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theValidationApiRefusesEachAttackAtItsFileAndLineAndNothingRuns() throws Exception {
        for (String name : SENT) {
            Map<String, String> files = attack(name);
            HttpResponse<String> answer = multipart("/api/rules/validate", files);
            assertThat(answer.statusCode()).as(name + ": " + answer.body()).isEqualTo(422);
            assertThat(answer.body()).as(name).contains("\"valid\":false");
            assertThat(files.keySet()).as(name).anyMatch(f -> answer.body().contains("\"file\":\"" + f + "\""));
            assertThat(answer.body()).as(name).containsPattern("\"line\":[1-9]");
            assertThat(ran(name)).as(name).isFalse();
        }
    }

    @Test
    void theDryRunApiRefusesEachAttackBeforeAnythingRuns() throws Exception {
        for (String name : SENT) {
            HttpResponse<String> answer = multipart("/api/rules/dry-run?year=2023", attack(name));
            assertThat(answer.statusCode()).as(name + ": " + answer.body()).isBetween(400, 499);
            assertThat(ran(name)).as(name).isFalse();
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void theWorkbenchEditorRefusesAnAttackAddedToARuleFile() throws Exception {
        var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        String token = token(browser);
        HttpResponse<String> signedIn = form(browser, "/login", "username", SignIn.ADMIN, "password",
                SignIn.ADMIN_PASSWORD, "_csrf", token);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String narrative = Files.readString(Path.of("rules/narrative.drl"));
        for (String name : List.of("047-escape-line-comment", "060-named-consequence", "111-nested-groupby-key")) {
            String attackRule = attack(name).values().iterator().next().replaceAll("(?s)^.*?(rule \")", "$1")
                    .replace("rule \"ATTACK\"", "rule \"ATTACK-" + name + "\"");
            for (String action : List.of("validate", "dry-run", "activate")) {
                HttpResponse<String> answer = form(browser, "/workbench/files/narrative.drl", "action", action,
                        "content", narrative + "\n" + attackRule, "reason", "试一试", "_csrf", token(browser));
                assertThat(answer.statusCode()).as(name + " " + action).isEqualTo(422);
                assertThat(answer.body()).as(name + " " + action).contains("narrative.drl");
                assertThat(ran(name)).as(name + " " + action).isFalse();
            }
        }
    }

    private String token(HttpClient browser) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> form(HttpClient browser, String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
