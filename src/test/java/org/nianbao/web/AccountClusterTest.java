package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.store.TestDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service on one PostgreSQL database, each its own process: an account changed through one is
 * refused by the other on its very next request — its page session, its remembered HTTP Basic sign-in and its API
 * token — and a name locked by wrong passwords sent to one is locked in the other. Runs when
 * {@code nianbao.test.postgres} names a server (as {@code .ci/run} does).
 */
@Tag("database")
class AccountClusterTest {

    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ServiceProcess p : started) {
            p.kill();
        }
    }

    @Test
    void anAccountChangedInOneInstanceIsRefusedByTheOtherOnItsNextRequest() throws Exception {
        assumeTrue(TestDatabases.postgres() != null, "needs a PostgreSQL server (nianbao.test.postgres)");
        List<String> arguments = new ArrayList<>(TestDatabases.arguments("accounts_cluster", null));
        arguments.add("--nianbao.security.lockout=PT30S");
        ServiceProcess a = start("A", arguments);
        ServiceProcess b = start("B", arguments);

        assertThat(admin(a, "POST", "/api/accounts", "username", "liangchu", "password", PASSWORD, "roles", "EDITOR,REVIEWER")
                .statusCode()).isEqualTo(201);
        String token = json.readTree(admin(a, "POST", "/api/tokens", "name", "两处", "account", "liangchu").body())
                .get("token").asString();

        // disabled in A: B refuses the session, the remembered Basic sign-in and the token at once
        PageSession page = new PageSession(b.url(""), null).signedIn("liangchu", PASSWORD);
        assertThat(page.get("/workbench").statusCode()).isEqualTo(200);
        assertThat(basic(b, "liangchu", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(basic(b, "liangchu", PASSWORD).statusCode()).as("remembered").isEqualTo(200);
        assertThat(bearer(b, token).statusCode()).isEqualTo(200);
        assertThat(admin(a, "PATCH", "/api/accounts/liangchu", "enabled", "false").statusCode()).isEqualTo(200);
        assertSentToSignIn(page.get("/workbench"));
        assertThat(basic(b, "liangchu", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(bearer(b, token).statusCode()).isEqualTo(401);

        // a role taken away in A, then the password changed in A: B's session ends each time
        assertThat(admin(a, "PATCH", "/api/accounts/liangchu", "enabled", "true").statusCode()).isEqualTo(200);
        page = new PageSession(b.url(""), null).signedIn("liangchu", PASSWORD);
        assertThat(page.get("/rounds").statusCode()).isEqualTo(200);
        assertThat(admin(a, "PATCH", "/api/accounts/liangchu", "roles", "EDITOR").statusCode()).isEqualTo(200);
        assertSentToSignIn(page.get("/rounds"));

        page = new PageSession(b.url(""), null).signedIn("liangchu", PASSWORD);
        assertThat(basic(b, "liangchu", PASSWORD).statusCode()).isEqualTo(200);
        String changed = "another-long-passphrase";
        assertThat(admin(a, "PATCH", "/api/accounts/liangchu", "password", changed).statusCode()).isEqualTo(200);
        assertSentToSignIn(page.get("/workbench"));
        assertThat(basic(b, "liangchu", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(basic(b, "liangchu", changed).statusCode()).isEqualTo(200);

        // ten wrong passwords sent to A lock the name in B too
        for (int i = 0; i < 10; i++) {
            assertThat(basic(a, "liangchu", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = basic(b, "liangchu", changed);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    private ServiceProcess start(String name, List<String> arguments) throws Exception {
        ServiceProcess p = ServiceProcess.start(name, dir, arguments);
        started.add(p);
        return p;
    }

    private static void assertSentToSignIn(HttpResponse<String> page) {
        assertThat(page.statusCode()).as("refused: sent to sign in").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private HttpResponse<String> admin(ServiceProcess p, String method, String path, String... fields) throws Exception {
        return http.send(SignIn.asAdmin(p.url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(PageSession.encode(fields))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> basic(ServiceProcess p, String user, String password) throws Exception {
        return http.send(SignIn.as(user, password, p.url("/api/rules")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> bearer(ServiceProcess p, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(p.url("/api/rules"))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
