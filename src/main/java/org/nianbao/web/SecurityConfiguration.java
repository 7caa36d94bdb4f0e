package org.nianbao.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.nianbao.accounts.AccountService;
import org.nianbao.accounts.AccountStore;
import org.nianbao.accounts.ApiTokens;
import org.nianbao.accounts.SignInThrottle;
import org.nianbao.accounts.VerifiedCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.ObjectMapper;

/**
 * Who may do what. Self-check (a report assessed, on the page or over the API) and the scoring method page are open
 * to anyone; rules and scorecards are changed by an {@code EDITOR}; stored assessments, listings, rankings and exports are for a
 * {@code REVIEWER}; accounts for an {@code ADMIN}; any account manages its own API tokens.
 *
 * <p>The API takes an API token ({@code Authorization: Bearer}), HTTP Basic, or the session of the pages, and answers
 * 401/403/429 as JSON; only a script (not a browser) is asked for HTTP Basic credentials. A request of the API that
 * changes something and comes with the session cookie needs the CSRF token or an {@code Origin} of this service;
 * one that comes from another site's page with any credentials a browser adds by itself is refused. The pages use a
 * form login, and every form they post carries its CSRF token. Every session and cached sign-in ends when its account
 * changes ({@link SessionAccountCheck}); failed sign-ins are limited ({@link PasswordSignIn}).
 */
@Configuration
public class SecurityConfiguration {

    private static final String EDITOR = "EDITOR";
    private static final String REVIEWER = "REVIEWER";

    /** The pages load scripts, styles, images and fonts from this service only, and run no inline script or style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Passwords are kept as BCrypt hashes of {@code nianbao.security.password-strength} log rounds (10 unless set,
     * 4 to 31): each step doubles what setting or checking a password costs. A hash keeps its own strength, so a
     * changed setting applies to the passwords set after it.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${nianbao.security.password-strength:10}") int strength) {
        if (strength < 4 || strength > 31) {
            throw new IllegalStateException(
                    "nianbao.security.password-strength 应在 4 到 31 之间 (BCrypt log rounds, 4 to 31): " + strength);
        }
        return new BCryptPasswordEncoder(strength);
    }

    /** Name and password, by the form or HTTP Basic: throttled, cached for a moment, checked against the stamp. */
    @Bean
    AuthenticationManager signIns(AccountService accounts, PasswordEncoder passwords, AccountStore store, SignInThrottle throttle,
                                  VerifiedCredentials verified) {
        return new ProviderManager(new PasswordSignIn(accounts, passwords, store, throttle, verified));
    }

    /** Health and metrics for the load balancer and the monitoring: open, nothing else of the actuator is. */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(headers());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager signIns, AccountStore store, ApiTokens tokens,
                            SignInThrottle throttle) throws Exception {
        AuthenticationEntryPoint signIn = (request, response, e) -> signIn(request, response, json, e);
        http.securityMatcher("/api/**")
                .authenticationManager(signIns)
                .authorizeHttpRequests(ApiAccess::apply) // the rules the API's description also states
                .addFilterAfter(new SessionAccountCheck(store), SecurityContextHolderFilter.class)
                .addFilterBefore(new CrossSiteRequests((request, response) -> answer(response, json, HttpStatus.FORBIDDEN,
                        "cross_site", "拒绝来自其他网站页面的请求 (a request from another site's page)")), CsrfFilter.class)
                .addFilterBefore(new BearerTokens(tokens, throttle, signIn), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.realmName("nianbao").authenticationEntryPoint(signIn))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, ex) -> answer(response, json, HttpStatus.FORBIDDEN,
                                ex instanceof CsrfException ? "csrf" : "forbidden",
                                ex instanceof CsrfException
                                        ? "以登录会话调用 API 修改数据须带 CSRF 令牌（X-CSRF-TOKEN）(CSRF token missing or invalid)"
                                        : "当前账号没有这项操作的权限 (the account's roles do not allow this)")))
                // the pages' session is taken (a signed-in reviewer follows a JSON link), never made: a script's
                // credentials hold for its own request only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::bySessionFromElsewhere))
                .requestCache(c -> c.disable())
                .headers(headers());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager signIns, AccountStore store) throws Exception {
        http.authenticationManager(signIns)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/check", "/check/*", "/check/batch/*", "/method", "/login", "/style.css",
                                "/editor.js", "/dry-run.js", "/print.js", "/check.js", "/webjars/**", "/favicon.ico",
                                "/error").permitAll()
                        // the API's description and its browsable page: open, like the scoring method
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/logout").permitAll()
                        .requestMatchers("/assessments/**", "/rounds", "/rounds/**").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.GET, "/workbench", "/workbench/**").hasAnyRole(EDITOR, REVIEWER)
                        .requestMatchers("/workbench", "/workbench/**").hasRole(EDITOR)
                        .anyRequest().authenticated())
                .addFilterAfter(new SessionAccountCheck(store), SecurityContextHolderFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll().failureHandler(loginFailed()))
                .logout(l -> l.logoutSuccessUrl("/"))
                .headers(headers());
        return http.build();
    }

    /** Content-Security-Policy, no referrer to other sites (a private result's link stays private), nosniff, no framing. */
    private static Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        return h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.deny());
    }

    /**
     * The CSRF token is asked of an API request that changes something, carries the session cookie and no credentials
     * of its own, and whose {@code Origin} is not this service's.
     */
    static boolean bySessionFromElsewhere(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return CrossSiteRequests.changesState(request) && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null
                && (origin == null || !CrossSiteRequests.sameOrigin(request, origin));
    }

    /** A wrong name or password goes back to the form with 「账号或密码不对」; a lock-out with how long it lasts. */
    private static AuthenticationFailureHandler loginFailed() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof SignInThrottled t ? "/login?locked=" + SignInThrottled.seconds(t.retryAfter()) : "/login?error"));
    }

    /** 401, or 429 with {@code Retry-After} while locked out; only a script, or a request that sent Basic, is asked for Basic. */
    private static void signIn(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottled throttled) {
            response.setHeader("Retry-After", String.valueOf(SignInThrottled.seconds(throttled.retryAfter())));
            answer(response, json, HttpStatus.TOO_MANY_REQUESTS, "too_many_sign_ins", throttled.getMessage());
            return;
        }
        String sent = request.getHeader("Authorization");
        boolean sentBasic = sent != null && sent.regionMatches(true, 0, "Basic ", 0, 6);
        boolean sentBearer = sent != null && sent.regionMatches(true, 0, "Bearer ", 0, 7);
        if (sentBearer) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"nianbao\", error=\"invalid_token\"");
        } else if (sentBasic || !CrossSiteRequests.fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"nianbao\", charset=\"UTF-8\"");
        } else {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"nianbao\""); // a browser shows no password dialog for it
        }
        answer(response, json, HttpStatus.UNAUTHORIZED, "unauthorized", sentBearer ? e.getMessage()
                : "请以账号登录（API 令牌 Bearer 或 HTTP Basic）(sign in with an API token or an account)");
    }

    private static void answer(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
                               String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(new ApiErrors.ApiError(status.value(), code, message)));
    }
}
