package org.nianbao.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests made as an account: HTTP Basic, sent with the first request (no challenge round trip). */
final class SignIn {

    /** The first account of the test services (src/test/resources/config/application.properties): every role. */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";

    private SignIn() {
    }

    /** A request as the first account. */
    static HttpRequest.Builder asAdmin(String url) {
        return as(ADMIN, ADMIN_PASSWORD, url);
    }

    static HttpRequest.Builder as(String user, String password, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user, password));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
