package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the service, over real HTTP: cookies kept, redirects not followed, forms posted with the
 * CSRF token of the session, every request from one client address ({@code X-Forwarded-For}, which the service
 * believes from the loopback proxy when started with {@code server.forward-headers-strategy=native}).
 */
final class PageSession {

    private final String base;
    private final String address;
    private final CookieManager cookies = new CookieManager();
    final HttpClient http;

    PageSession(String base, String address) {
        this.base = base;
        this.address = address;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return address == null ? b : b.header("X-Forwarded-For", address);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).build());
    }

    /** The CSRF token of this session, as the sign-in form carries it. */
    String token() throws Exception {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(m.find()).as("the sign-in form carries a CSRF token").isTrue();
        return m.group(1);
    }

    /** A form posted as a page posts it: with the session's CSRF token. */
    HttpResponse<String> form(String path, String... fields) throws Exception {
        List<String> all = new ArrayList<>(List.of(fields));
        all.addAll(List.of("_csrf", token()));
        return post(path, all.toArray(String[]::new));
    }

    /** A form posted with exactly these fields (no token added). */
    HttpResponse<String> post(String path, String... fields) throws Exception {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    static String encode(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Signs in through the form; the answer (302 to the page asked for, or back to /login with why). */
    HttpResponse<String> signIn(String user, String password) throws Exception {
        return form("/login", "username", user, "password", password);
    }

    /** Signs in and checks that it worked. */
    PageSession signedIn(String user, String password) throws Exception {
        HttpResponse<String> done = signIn(user, password);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return this;
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
