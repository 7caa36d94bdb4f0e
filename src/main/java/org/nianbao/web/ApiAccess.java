package org.nianbao.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which part of the HTTP API ({@code /api/**}), in one place: the security configuration enforces these
 * rules and the API's description ({@code /v3/api-docs}) states them for every endpoint. The first rule that matches
 * a request decides; a request no rule names needs an account.
 */
public final class ApiAccess {

    static final String EDITOR = "EDITOR";
    static final String REVIEWER = "REVIEWER";
    static final String ADMIN = "ADMIN";

    /** A rule: a method (null: any) and path patterns, and who passes: anyone, any account, or these roles. */
    public record Rule(HttpMethod method, List<String> patterns, boolean anyone, Set<String> roles) {

        /** Who passes, in Chinese and English. */
        public String who() {
            if (anyone) {
                return "任何人，无需账号 (anyone, no account)";
            }
            if (roles.isEmpty()) {
                return "任何已登录的账号 (any account)";
            }
            String list = String.join(" 或 ", roles.stream().sorted().toList());
            return "角色 " + list + " (role " + String.join(" or ", roles.stream().sorted().toList()) + ")";
        }

        boolean matches(String method, String path) {
            if (this.method != null && !this.method.name().equals(method.toUpperCase(Locale.ROOT))) {
                return false;
            }
            var container = org.springframework.http.server.PathContainer.parsePath(path);
            return parsed().stream().anyMatch(p -> p.matches(container));
        }

        private List<PathPattern> parsed() {
            return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
        }
    }

    /** Every rule, in the order they are tried. */
    public static final List<Rule> RULES = List.of(
            anyone(HttpMethod.POST, "/api/assessments"),
            anyone(HttpMethod.GET, "/api/assessments/private/*"),
            roles(null, Set.of(ADMIN), "/api/accounts", "/api/accounts/**"),
            new Rule(null, List.of("/api/tokens", "/api/tokens/**"), false, Set.of()),
            roles(null, Set.of(REVIEWER), "/api/assessments", "/api/assessments/**"),
            roles(null, Set.of(REVIEWER), "/api/rounds", "/api/rounds/**", "/api/jobs/**"),
            roles(HttpMethod.GET, Set.of(EDITOR, REVIEWER), "/api/rules", "/api/rules/**", "/api/scorecards",
                    "/api/scorecards/**"),
            roles(null, Set.of(EDITOR), "/api/rules", "/api/rules/**", "/api/scorecards", "/api/scorecards/**"));

    /** What a request no rule names needs. */
    public static final Rule OTHERWISE = new Rule(null, List.of("/api/**"), false, Set.of());

    private ApiAccess() {
    }

    private static Rule anyone(HttpMethod method, String... patterns) {
        return new Rule(method, List.of(patterns), true, Set.of());
    }

    private static Rule roles(HttpMethod method, Set<String> roles, String... patterns) {
        return new Rule(method, List.of(patterns), false, Set.copyOf(roles));
    }

    /** The rule that decides a request of {@code method} to {@code path} (path variables as any segment). */
    public static Rule of(String method, String path) {
        String concrete = path.replaceAll("\\{[^/]+}", "x");
        return RULES.stream().filter(r -> r.matches(method, concrete)).findFirst().orElse(OTHERWISE);
    }

    /** The rules as the security configuration applies them. */
    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry a) {
        for (Rule r : RULES) {
            String[] patterns = r.patterns().toArray(String[]::new);
            var matched = r.method() == null ? a.requestMatchers(patterns) : a.requestMatchers(r.method(), patterns);
            if (r.anyone()) {
                matched.permitAll();
            } else if (r.roles().isEmpty()) {
                matched.authenticated();
            } else {
                matched.hasAnyRole(r.roles().toArray(String[]::new));
            }
        }
        a.anyRequest().authenticated();
    }
}
