package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who may do what, over real HTTP: accounts in the database, roles, JSON 401/403, private self-checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:security-test;DB_CLOSE_DELAY=-1")
@org.junit.jupiter.api.Tag("database")
class SecurityTest {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** {@code user} null: anonymous. */
    private HttpRequest.Builder request(String user, String password, String path) {
        return user == null ? HttpRequest.newBuilder(URI.create(url(path))) : SignIn.as(user, password, url(path));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String user, String password, String path) throws Exception {
        return send(request(user, password, path).build());
    }

    private HttpResponse<String> form(String method, String user, String password, String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(user, password, path).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<String> upload(String user, String password, String path, String field, String filename, byte[] content)
            throws Exception {
        return send(new Multipart().fields("reason", "试验", "year", "2023").file(field, filename, content)
                .post(request(user, password, path)));
    }

    /** Creates an account (as the first account) unless it exists. */
    private void account(String name, String roles) throws Exception {
        HttpResponse<String> created = form("POST", SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/accounts",
                "username", name, "password", PASSWORD, "roles", roles);
        assertThat(created.statusCode()).isIn(201, 400);
    }

    private void assertJson(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("message").asString()).isNotBlank();
    }

    @Test
    void everyRulesListingExportAndAccountsEndpointAsksAnAnonymousCallerToSignIn() throws Exception {
        byte[] rule = "package rules.x;\n".getBytes(StandardCharsets.UTF_8);
        List<HttpResponse<String>> answers = List.of(
                get(null, null, "/api/assessments"),
                get(null, null, "/api/assessments/1"),
                get(null, null, "/api/assessments/export?year=2023"),
                get(null, null, "/api/assessments/export?year=2023&format=csv"),
                upload(null, null, "/api/assessments/batch", "file", "r.txt", Samples.bytes("000_0b909c2a4ee59f11.txt")),
                get(null, null, "/api/rules"),
                get(null, null, "/api/rules/versions"),
                get(null, null, "/api/rules/tests"),
                upload(null, null, "/api/rules/validate", "files", "x.drl", rule),
                upload(null, null, "/api/rules/dry-run", "files", "x.drl", rule),
                upload(null, null, "/api/rules/activate", "files", "x.drl", rule),
                form("POST", null, null, "/api/rules/versions/1/activate", "reason", "x"),
                get(null, null, "/api/accounts"),
                form("POST", null, null, "/api/accounts", "username", "eve", "password", PASSWORD, "roles", "ADMIN"));
        for (HttpResponse<String> answer : answers) {
            assertJson(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }
        assertThat(get(SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/accounts").body()).doesNotContain("eve");
        assertJson(get(null, null, "/api/scorecards"), 401);
        assertJson(get(null, null, "/api/rules/method"), 401);
        // what the pages offer anyone: scoring a report and the scoring method
        assertThat(get(null, null, "/method").statusCode()).isEqualTo(200);
        assertThat(get(null, null, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordOrADisabledAccountIsNotSignedIn() throws Exception {
        assertJson(get(SignIn.ADMIN, "wrong-password!", "/api/rules"), 401);
        assertJson(get("nobody-here", PASSWORD, "/api/rules"), 401);

        account("tingyong", "EDITOR");
        assertThat(get("tingyong", PASSWORD, "/api/rules").statusCode()).isEqualTo(200);
        assertThat(form("PATCH", SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/accounts/tingyong", "enabled", "false").statusCode())
                .isEqualTo(200);
        assertJson(get("tingyong", PASSWORD, "/api/rules"), 401);
    }

    @Test
    void aReviewerSeesAssessmentsButCannotActivateRulesAndAnEditorCan() throws Exception {
        account("pingyi", "REVIEWER");
        account("bianji", "EDITOR");

        assertThat(get("pingyi", PASSWORD, "/api/assessments").statusCode()).isEqualTo(200);
        assertThat(get("pingyi", PASSWORD, "/api/assessments/export?year=2023&format=csv").statusCode()).isEqualTo(200);
        assertJson(form("POST", "pingyi", PASSWORD, "/api/rules/activate", "reason", "试图启用"), 403);
        assertJson(get("pingyi", PASSWORD, "/api/accounts"), 403);

        assertJson(get("bianji", PASSWORD, "/api/assessments"), 403);
        assertJson(get("bianji", PASSWORD, "/api/accounts"), 403);
        HttpResponse<String> activated = form("POST", "bianji", PASSWORD, "/api/rules/activate",
                "by", "<script>alert(1)</script>", "reason", "按文件夹重新启用");
        assertThat(activated.statusCode()).isEqualTo(200);

        JsonNode latest = json.readTree(get("bianji", PASSWORD, "/api/rules/versions").body()).get(0);
        assertThat(latest.get("activatedBy").asString()).isEqualTo("bianji"); // the account, never a typed name
        assertThat(latest.get("reason").asString()).isEqualTo("按文件夹重新启用");
    }

    @Test
    void anAnonymousSelfCheckIsPrivateAndASignedInSubmissionIsListed() throws Exception {
        HttpResponse<String> selfCheck = upload(null, null, "/api/assessments", "file", "draft-004.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt"));
        assertThat(selfCheck.statusCode()).isEqualTo(201);
        String location = selfCheck.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/assessments/private/[A-Za-z0-9]{32}");
        long id = json.readTree(selfCheck.body()).get("id").asLong();

        HttpResponse<String> byLink = get(null, null, location);
        assertThat(byLink.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byLink.body()).get("score").asDouble()).isEqualTo(53.49);
        assertJson(get(null, null, "/api/assessments/private/" + "A".repeat(32)), 404);

        String admin = SignIn.ADMIN;
        String pw = SignIn.ADMIN_PASSWORD;
        assertJson(get(admin, pw, "/api/assessments/" + id), 404); // not even a reviewer reaches it by its number
        assertThat(get(admin, pw, "/api/assessments").body()).doesNotContain("draft-004.txt");
        assertThat(get(admin, pw, "/api/assessments/export?year=2023&format=csv").body()).doesNotContain("draft-004.txt");

        HttpResponse<String> submitted = upload(admin, pw, "/api/assessments", "file", "final-004.txt",
                Samples.bytes("004_e93a6eea8c407df3.txt"));
        assertThat(submitted.statusCode()).isEqualTo(201);
        long submittedId = json.readTree(submitted.body()).get("id").asLong();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/assessments/" + submittedId);
        assertThat(get(admin, pw, "/api/assessments").body()).contains("final-004.txt");
        assertThat(get(admin, pw, "/api/assessments/export?year=2023&format=csv").body()).contains("final-004.txt");
    }

    @Test
    void aRuleThatWouldRunCodeIsRefusedThroughValidationDryRunAndActivationAndNothingRuns(@org.junit.jupiter.api.io.TempDir
                                                                                       java.nio.file.Path dir) throws Exception {
        java.nio.file.Path target = dir.resolve("written.txt");
        String head = "package rules.hostile;\nimport org.nianbao.report.*;\nglobal org.nianbao.rules.Findings findings;\n";
        java.util.Map<String, String> hostile = java.util.Map.of(
                "writes-a-file", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + target + "\"), \"x\");",
                "ends-the-process", "System.exit(1);",
                "reflection", "Object c = $r.getClass().getClassLoader();",
                "runtime-in-a-condition", "RUNTIME");
        String version = json.readTree(get(SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/rules").body()).get("ruleset").asString();
        for (var entry : hostile.entrySet()) {
            String when = entry.getValue().equals("RUNTIME") ? "Report(java.lang.Runtime.getRuntime().availableProcessors() > 0)" : "$r : Report()";
            String then = entry.getValue().equals("RUNTIME") ? "findings.report(drools, \"x\", null);" : entry.getValue();
            String drl = head + "rule \"HOSTILE\"\n    @check(\"C1\") @severity(\"info\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
            for (String endpoint : List.of("/api/rules/validate", "/api/rules/dry-run", "/api/rules/activate")) {
                HttpResponse<String> refused = upload(SignIn.ADMIN, SignIn.ADMIN_PASSWORD, endpoint, "files",
                        entry.getKey() + ".drl", drl.getBytes(StandardCharsets.UTF_8));
                assertThat(refused.statusCode()).as(entry.getKey() + " " + endpoint).isEqualTo(422);
                assertThat(refused.body()).as(entry.getKey() + " " + endpoint).contains(entry.getKey() + ".drl");
            }
        }
        assertThat(target).doesNotExist();
        assertThat(json.readTree(get(SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/rules").body()).get("ruleset").asString())
                .isEqualTo(version);
    }

    @Test
    void accountsAreCheckedAndTheLastAdministratorStays() throws Exception {
        String admin = SignIn.ADMIN;
        String pw = SignIn.ADMIN_PASSWORD;
        assertJson(form("POST", admin, pw, "/api/accounts", "username", "duan", "password", "short", "roles", "EDITOR"), 400);
        HttpResponse<String> noName = form("POST", admin, pw, "/api/accounts", "password", PASSWORD, "roles", "EDITOR");
        assertJson(noName, 400);
        assertThat(noName.body()).contains("缺少参数 username");
        assertJson(form("POST", admin, pw, "/api/accounts", "username", "<script>", "password", PASSWORD, "roles", "EDITOR"), 400);
        assertJson(form("POST", admin, pw, "/api/accounts", "username", "juese", "password", PASSWORD, "roles", "SUPERUSER"), 400);
        assertJson(form("POST", admin, pw, "/api/accounts", "username", admin, "password", PASSWORD, "roles", "EDITOR"), 400);
        assertJson(form("PATCH", admin, pw, "/api/accounts/" + admin, "enabled", "false"), 400);
        assertJson(form("PATCH", admin, pw, "/api/accounts/" + admin, "roles", "EDITOR"), 400);
        assertJson(form("PATCH", admin, pw, "/api/accounts/nobody-here", "enabled", "false"), 404);
        HttpResponse<String> notABoolean = form("PATCH", admin, pw, "/api/accounts/" + admin, "enabled", "maybe");
        assertJson(notABoolean, 400);
        assertThat(notABoolean.body()).contains("true 或 false").doesNotContain("日期");

        HttpResponse<String> created = form("POST", admin, pw, "/api/accounts", "username", "张科员", "password", PASSWORD,
                "roles", "REVIEWER,EDITOR");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");
        assertThat(get("张科员", PASSWORD, "/api/assessments").statusCode()).isEqualTo(200);
    }
}
