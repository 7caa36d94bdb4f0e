package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts under attack, over real HTTP: a session ends when its account changes; guessing passwords is throttled per
 * name and per address (short settings here: 10 failures lock a name for 2 s, 20 within 30 s lock an address); the
 * password policy and look-alike names; API tokens; requests from other sites and a browser's Basic dialog; the
 * headers every answer carries. Each test signs in from client addresses of its own ({@code X-Forwarded-For}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:account-security;DB_CLOSE_DELAY=-1",
        "server.forward-headers-strategy=native",
        "nianbao.security.max-failures=10", "nianbao.security.lockout=2s", "nianbao.security.max-lockout=4s",
        "nianbao.security.max-failures-per-address=20", "nianbao.security.address-window=30s"})
@Tag("database")
class AccountSecurityTest {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> basic(String user, String password, String path, String address) throws Exception {
        HttpRequest.Builder b = SignIn.as(user, password, base() + path);
        return send((address == null ? b : b.header("X-Forwarded-For", address)).build());
    }

    private HttpResponse<String> asAdmin(String method, String path, String... fields) throws Exception {
        return send(SignIn.asAdmin(base() + path).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(PageSession.encode(fields))).build());
    }

    private void account(String name, String roles) throws Exception {
        HttpResponse<String> made = asAdmin("POST", "/api/accounts", "username", name, "password", PASSWORD, "roles", roles);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    private PageSession browser(String address) {
        return new PageSession(base(), address);
    }

    private static void assertSentToSignIn(HttpResponse<String> page) {
        assertThat(page.statusCode()).as("refused: sent to sign in").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    // sessions end when the account changes

    @Test
    void aDisabledAccountsOpenPageCannotActivateARulesetAndItsSessionIsEnded() throws Exception {
        account("tingyong-bianji", "EDITOR");
        PageSession editor = browser(null).signedIn("tingyong-bianji", PASSWORD);
        assertThat(editor.get("/workbench").statusCode()).isEqualTo(200);
        String token = editor.token(); // the page is open, its form holds this token
        JsonNode versions = json.readTree(asAdmin("GET", "/api/rules/versions").body());
        long first = versions.get(versions.size() - 1).get("id").asLong();

        assertThat(asAdmin("PATCH", "/api/accounts/tingyong-bianji", "enabled", "false").statusCode()).isEqualTo(200);

        HttpResponse<String> activation = editor.post("/workbench/versions/" + first + "/activate",
                "reason", "停用后仍想启用", "_csrf", token);
        assertThat(activation.statusCode()).as("the activation is refused").isIn(302, 401, 403);
        assertThat(activation.headers().firstValue("Location").orElse("/login")).endsWith("/login");
        assertThat(json.readTree(asAdmin("GET", "/api/rules/versions").body()).size()).isEqualTo(versions.size());
        assertSentToSignIn(editor.get("/workbench"));
    }

    @Test
    void takingARoleAwayEndsTheSessionAtOnceOnThePagesAndTheApi() throws Exception {
        account("jiangzhi", "REVIEWER,EDITOR");
        PageSession reviewer = browser(null).signedIn("jiangzhi", PASSWORD);
        assertThat(reviewer.get("/rounds").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/assessments").statusCode()).as("the session is taken by the API").isEqualTo(200);

        assertThat(asAdmin("PATCH", "/api/accounts/jiangzhi", "roles", "EDITOR").statusCode()).isEqualTo(200);

        assertSentToSignIn(reviewer.get("/rounds")); // ended, not merely refused the role
        assertThat(reviewer.get("/api/rules").statusCode()).isEqualTo(401);
        assertThat(browser(null).signedIn("jiangzhi", PASSWORD).get("/rounds").statusCode()).as("signed in again: EDITOR only")
                .isEqualTo(403);
    }

    @Test
    void changingThePasswordEndsTheSessionAndTheRememberedBasicSignIn() throws Exception {
        account("gaimima", "EDITOR");
        PageSession page = browser(null).signedIn("gaimima", PASSWORD);
        assertThat(basic("gaimima", PASSWORD, "/api/rules", null).statusCode()).isEqualTo(200);
        assertThat(basic("gaimima", PASSWORD, "/api/rules", null).statusCode()).as("remembered").isEqualTo(200);

        String changed = "another-long-passphrase";
        assertThat(asAdmin("PATCH", "/api/accounts/gaimima", "password", changed).statusCode()).isEqualTo(200);

        assertSentToSignIn(page.get("/workbench"));
        assertThat(basic("gaimima", PASSWORD, "/api/rules", null).statusCode()).isEqualTo(401);
        assertThat(basic("gaimima", changed, "/api/rules", null).statusCode()).isEqualTo(200);
    }

    // guessing passwords

    @Test
    void thirtyWrongPasswordsAreAnswered429WithRetryAfterAndTheRightOneWorksAfterTheDelay() throws Exception {
        account("suoding", "EDITOR");
        List<Integer> answers = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = basic("suoding", "wrong-password-" + i, "/api/rules", "10.1.0.1");
            answers.add(last.statusCode());
        }
        assertThat(answers.subList(0, 10)).containsOnly(401);
        assertThat(answers.subList(10, 30)).containsOnly(429);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(json.readTree(last.body()).get("message").asString()).contains("登录失败次数过多");

        // the name is locked, whichever address tries it, even with the right password
        assertThat(basic("suoding", PASSWORD, "/api/rules", "10.1.0.2").statusCode()).isEqualTo(429);
        Thread.sleep(retryAfter * 1000 + 300);
        assertThat(basic("suoding", PASSWORD, "/api/rules", "10.1.0.1").statusCode()).isEqualTo(200);
        assertThat(basic("suoding", "wrong-once-more", "/api/rules", "10.1.0.1").statusCode())
                .as("a success ended the run of failures").isEqualTo(401);
    }

    @Test
    void theSignInFormSaysInChineseHowLongToWait() throws Exception {
        account("biaodan", "EDITOR");
        PageSession page = browser("10.2.0.1");
        for (int i = 0; i < 10; i++) {
            assertThat(page.signIn("biaodan", "wrong-password-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        HttpResponse<String> locked = page.signIn("biaodan", PASSWORD);
        String where = locked.headers().firstValue("Location").orElse("");
        assertThat(where).contains("/login?locked=");
        assertThat(page.get(where.substring(where.indexOf("/login"))).body()).contains("登录失败次数过多", "秒后再试");
    }

    @Test
    void anAddressThatGuessesTooOftenIsRefusedWhateverNameItTries() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(basic("nobody-" + i, PASSWORD, "/api/rules", "10.3.0.1").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = basic(SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/rules", "10.3.0.1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(basic(SignIn.ADMIN, SignIn.ADMIN_PASSWORD, "/api/rules", "10.3.0.2").statusCode()).as("another address")
                .isEqualTo(200);
    }

    // passwords and names

    @Test
    void aPasswordMustBeLongUncommonAndNotTheNameAndAtMost72Bytes() throws Exception {
        String name = "zhanghao-ceshi";
        for (String refused : List.of("aaaaaaaaaaaa", "1234567890", "123456789012", "abcdefghijkl", "zhanghao-ceshi", "zhanghao",
                "Zhanghao-Ceshi2024", "password1234", "qwertyuiop12", "iloveyou2024!", "abababababab",
                "x".repeat(40) + "-Lantern-Quarry-47-abcdefghijklmn", "密".repeat(25))) {
            HttpResponse<String> answer = asAdmin("POST", "/api/accounts", "username", name, "password", refused, "roles", "EDITOR");
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("message").asString()).as(refused).containsPattern("\\p{IsHan}");
        }
        String longest = "Lantern-Quarry-47-".repeat(4); // exactly 72 bytes
        assertThat(asAdmin("POST", "/api/accounts", "username", name, "password", longest, "roles", "EDITOR").statusCode())
                .isEqualTo(201);
        assertThat(basic(name, longest, "/api/rules", null).statusCode()).isEqualTo(200);
        assertThat(asAdmin("PATCH", "/api/accounts/" + name, "password", longest + "x").statusCode()).isEqualTo(400);
        // too long to be anyone's password: a wrong password, not a server error, by Basic and by the form
        assertThat(basic(name, longest + "x", "/api/rules", "10.4.0.1").statusCode()).isEqualTo(401);
        assertThat(browser("10.4.0.2").signIn(name, "密".repeat(30)).headers().firstValue("Location").orElse(""))
                .endsWith("/login?error");
    }

    @Test
    void namesAreNormalisedAndALookAlikeOfATakenNameIsRefused() throws Exception {
        account("boss", "REVIEWER");
        // Latin capitals, a Cyrillic о, a Greek ο, Cyrillic ѕ, a zero, full-width letters
        for (String lookAlike : List.of("Boss", "BOSS", "b\u043Ess", "b\u03BFss", "bo\u0455\u0455", "b0ss", "\uFF42\uFF4F\uFF53\uFF53")) {
            HttpResponse<String> answer = asAdmin("POST", "/api/accounts", "username", lookAlike, "password", PASSWORD, "roles", "EDITOR");
            assertThat(answer.statusCode()).as(lookAlike).isEqualTo(400);
            assertThat(answer.body()).as(lookAlike).contains("boss");
        }
        account("bossa", "REVIEWER");
        account("\u0412\u0430\u043D\u044F", "REVIEWER"); // Ваня: Cyrillic, like no name taken
        assertThat(basic("\uFF42\uFF4F\uFF53\uFF53", PASSWORD, "/api/assessments", null).statusCode()).as("ｂｏｓｓ signs in as boss")
                .isEqualTo(200);
        assertThat(asAdmin("GET", "/api/accounts").body()).doesNotContain("Boss", "b\u043Ess");
    }

    // API tokens

    @Test
    void anApiTokenIsShownOnceWorksAsBearerAndIsRefusedOnceRevoked() throws Exception {
        account("jiaoben", "EDITOR");
        HttpResponse<String> made = send(SignIn.as("jiaoben", PASSWORD, base() + "/api/tokens")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + java.net.URLEncoder.encode("夜间校验脚本", StandardCharsets.UTF_8)))
                .build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode created = json.readTree(made.body());
        String token = created.get("token").asString();
        assertThat(token).startsWith("nbt_").hasSizeGreaterThan(40);

        String listed = basic("jiaoben", PASSWORD, "/api/tokens", null).body();
        assertThat(listed).contains("夜间校验脚本", "\"lastUsedAt\":null").doesNotContain(token).doesNotContain("\"token\"");

        assertThat(send(bearer(token, "/api/rules")).statusCode()).isEqualTo(200);
        assertThat(send(bearer(token, "/api/accounts")).statusCode()).as("the account's roles, no more").isEqualTo(403);
        assertThat(basic("jiaoben", PASSWORD, "/api/tokens", null).body()).doesNotContain("\"lastUsedAt\":null");

        // nobody else's to see or revoke but an administrator's
        account("pangren", "EDITOR");
        long id = created.get("id").asLong();
        assertThat(basic("pangren", PASSWORD, "/api/tokens", null).body()).doesNotContain("夜间校验脚本");
        assertThat(basic("pangren", PASSWORD, "/api/tokens?account=jiaoben", null).statusCode()).isEqualTo(403);
        assertThat(send(SignIn.as("pangren", PASSWORD, base() + "/api/tokens/" + id).DELETE().build()).statusCode()).isEqualTo(404);
        assertThat(send(bearer(token, "/api/rules")).statusCode()).isEqualTo(200);

        assertThat(send(SignIn.as("jiaoben", PASSWORD, base() + "/api/tokens/" + id).DELETE().build()).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = send(bearer(token, "/api/rules"));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer").contains("invalid_token");
        assertThat(send(bearer("nbt_" + "A".repeat(43), "/api/rules")).statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledAccountsTokenIsRefusedAndAnAdministratorMakesTokensForOthers() throws Exception {
        account("tingyong-jiaoben", "REVIEWER");
        HttpResponse<String> made = asAdmin("POST", "/api/tokens", "name", "导出脚本", "account", "tingyong-jiaoben");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String token = json.readTree(made.body()).get("token").asString();
        assertThat(json.readTree(made.body()).get("createdBy").asString()).isEqualTo(SignIn.ADMIN);
        assertThat(send(bearer(token, "/api/assessments")).statusCode()).isEqualTo(200);

        assertThat(asAdmin("PATCH", "/api/accounts/tingyong-jiaoben", "enabled", "false").statusCode()).isEqualTo(200);
        assertThat(send(bearer(token, "/api/assessments")).statusCode()).isEqualTo(401);
        assertThat(asAdmin("PATCH", "/api/accounts/tingyong-jiaoben", "enabled", "true").statusCode()).isEqualTo(200);
        assertThat(send(bearer(token, "/api/assessments")).statusCode()).isEqualTo(200);
        assertThat(asAdmin("GET", "/api/tokens?all=true").body()).contains("导出脚本", "tingyong-jiaoben");
    }

    private HttpRequest bearer(String token, String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).build();
    }

    // other sites' pages, browsers and headers

    @Test
    void aBrowserIsNeverAskedForBasicCredentialsUnlessItSentSome() throws Exception {
        HttpResponse<String> navigation = send(HttpRequest.newBuilder(URI.create(base() + "/api/assessments"))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0").header("Sec-Fetch-Mode", "navigate")
                .header("Accept", "text/html").build());
        assertThat(navigation.statusCode()).isEqualTo(401);
        assertThat(navigation.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Basic");
        assertThat(json.readTree(navigation.body()).get("message").asString()).contains("登录");

        HttpResponse<String> fetch = send(HttpRequest.newBuilder(URI.create(base() + "/api/rules"))
                .header("Sec-Fetch-Mode", "cors").header("Origin", "http://elsewhere.example").build());
        assertThat(fetch.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Basic");

        HttpResponse<String> script = send(HttpRequest.newBuilder(URI.create(base() + "/api/rules")).header("User-Agent", "curl/8.5.0").build());
        assertThat(script.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        HttpResponse<String> powerShell = send(HttpRequest.newBuilder(URI.create(base() + "/api/rules"))
                .header("User-Agent", "Mozilla/5.0 (Windows NT; Windows NT 10.0; zh-CN) WindowsPowerShell/5.1.19041.1").build());
        assertThat(powerShell.headers().firstValue("WWW-Authenticate").orElse("")).as("a script that waits to be asked")
                .startsWith("Basic");
        HttpResponse<String> sentBasic = send(SignIn.as(SignIn.ADMIN, "not-the-password", base() + "/api/rules")
                .header("User-Agent", "Mozilla/5.0").header("X-Forwarded-For", "10.5.0.1").build());
        assertThat(sentBasic.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }

    @Test
    void aCookieCarriedApiPostFromAnotherSiteOrWithoutTheTokenIsRefused() throws Exception {
        PageSession admin = browser(null).signedIn(SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
        HttpRequest.Builder post = admin.request("/api/tokens").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=cross-site"));

        HttpResponse<String> foreign = admin.send(admin.request("/api/tokens").header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=cross-site")).build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(json.readTree(foreign.body()).get("message").asString()).contains("其他网站");
        HttpResponse<String> noToken = admin.send(post.build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(json.readTree(noToken.body()).get("error").asString()).isEqualTo("csrf");

        assertThat(admin.send(admin.request("/api/tokens").header("X-CSRF-TOKEN", admin.token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=with-token")).build()).statusCode()).isEqualTo(201);
        assertThat(admin.send(admin.request("/api/tokens").header("Origin", base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=same-origin")).build()).statusCode()).isEqualTo(201);
        assertThat(asAdmin("GET", "/api/tokens").body()).contains("with-token", "same-origin").doesNotContain("cross-site");

        // Basic credentials a browser remembers, sent by another site's page: refused too
        assertThat(send(SignIn.asAdmin(base() + "/api/tokens").header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=remembered-basic")).build()).statusCode()).isEqualTo(403);
        // scoring a report stays open to any page: it carries no one's credentials
        HttpResponse<String> selfCheck = send(new Multipart().file("file", "004.txt", Samples.bytes("004_e93a6eea8c407df3.txt"))
                .post(HttpRequest.newBuilder(URI.create(base() + "/api/assessments")).header("Origin", "http://agency.example")));
        assertThat(selfCheck.statusCode()).isEqualTo(201);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndTheSessionCookieIsSameSiteLax() throws Exception {
        for (String path : List.of("/", "/login", "/api/rules", "/method")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + path)).build());
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        PageSession page = browser(null);
        page.token();
        HttpResponse<String> signedIn = page.signIn(SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Lax", "HttpOnly"));
    }

    /** What the Content-Security-Policy forbids is not in any page: no inline script, handler or style attribute. */
    @Test
    void noPageHasAnInlineScriptHandlerOrStyle() throws Exception {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)|\\son[a-z]+=|\\sstyle=|<style|th:style|javascript:");
        try (var templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                if (template.getFileName().toString().endsWith("-pdf.html")) {
                    continue; // laid out as a PDF on the server (a result, the method), never shown in a browser
                }
                assertThat(inline.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
            }
        }
    }

    @Test
    void theErrorAddressAskedDirectlyIsACleanNotFound() throws Exception {
        HttpResponse<String> asJson = send(HttpRequest.newBuilder(URI.create(base() + "/error")).build());
        assertThat(asJson.statusCode()).isEqualTo(404);
        assertThat(json.readTree(asJson.body()).get("message").asString()).contains("没有这个地址");
        HttpResponse<String> asPage = send(HttpRequest.newBuilder(URI.create(base() + "/error")).header("Accept", "text/html").build());
        assertThat(asPage.statusCode()).isEqualTo(404);
        assertThat(asPage.body()).contains("没有这个页面").doesNotContain("Whitelabel", "Exception");
    }

    @Test
    void everyBadSignInOrAccountInputIsA4xxWithAChineseMessage() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                send(HttpRequest.newBuilder(URI.create(base() + "/api/rules")).header("Authorization", "Basic !!!not-base64").build()),
                send(HttpRequest.newBuilder(URI.create(base() + "/api/rules")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8))).build()),
                send(HttpRequest.newBuilder(URI.create(base() + "/api/rules")).header("Authorization", "Bearer ").build()),
                asAdmin("POST", "/api/tokens"),
                asAdmin("POST", "/api/tokens", "name", " "),
                asAdmin("POST", "/api/tokens", "name", "x", "account", "nobody-here"),
                asAdmin("DELETE", "/api/tokens/not-a-number"),
                asAdmin("DELETE", "/api/tokens/999999"),
                asAdmin("PATCH", "/api/accounts/" + SignIn.ADMIN, "roles", ""),
                asAdmin("POST", "/api/accounts", "username", "x".repeat(65), "password", PASSWORD, "roles", "EDITOR"),
                send(SignIn.asAdmin(base() + "/api/rules;jsessionid=x").build()));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.request().uri() + " " + answer.body()).isBetween(400, 499);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.get("status").asInt()).isEqualTo(answer.statusCode());
            assertThat(body.get("message").asString()).as(answer.request().uri().toString()).containsPattern("\\p{IsHan}");
        }
    }
}
