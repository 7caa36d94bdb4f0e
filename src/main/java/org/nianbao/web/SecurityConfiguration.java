package org.nianbao.web;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.ObjectMapper;

/**
 * Who may do what. Self-check (a report assessed, on the page or over the API) and the scoring method page are open
 * to anyone; rules and scorecards are changed by an {@code EDITOR}; stored assessments, listings, rankings and exports are for a
 * {@code REVIEWER}; accounts for an {@code ADMIN}. The API takes HTTP Basic and answers 401/403 as JSON; the pages
 * use a form login, and every form they post carries its CSRF token.
 */
@Configuration
public class SecurityConfiguration {

    private static final String EDITOR = "EDITOR";
    private static final String REVIEWER = "REVIEWER";
    private static final String ADMIN = "ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
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
                .requestCache(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint signIn = (request, response, e) -> answer(response, json, HttpStatus.UNAUTHORIZED,
                "unauthorized", "请以账号登录（HTTP Basic）(sign in with an account)");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/assessments").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/assessments/private/*").permitAll()
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(ADMIN)
                        .requestMatchers("/api/assessments", "/api/assessments/**").hasRole(REVIEWER)
                        .requestMatchers("/api/rounds", "/api/rounds/**", "/api/jobs/**").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/**", "/api/scorecards", "/api/scorecards/**")
                        .hasAnyRole(EDITOR, REVIEWER)
                        .requestMatchers("/api/rules", "/api/rules/**", "/api/scorecards", "/api/scorecards/**").hasRole(EDITOR)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("nianbao").authenticationEntryPoint(signIn))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, ex) ->
                                answer(response, json, HttpStatus.FORBIDDEN, "forbidden",
                                        "当前账号没有这项操作的权限 (the account's roles do not allow this)")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookie is ever sent back: every request carries its own credentials
                .requestCache(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/check", "/check/*", "/method", "/login", "/style.css", "/editor.js", "/dry-run.js",
                                "/webjars/**", "/favicon.ico",
                                "/error").permitAll()
                        .requestMatchers("/assessments/**", "/rounds", "/rounds/**").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.GET, "/workbench", "/workbench/**").hasAnyRole(EDITOR, REVIEWER)
                        .requestMatchers("/workbench", "/workbench/**").hasRole(EDITOR)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/"));
        return http.build();
    }

    private static void answer(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
                               String message) throws IOException {
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"nianbao\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(new ApiErrors.ApiError(status.value(), code, message)));
    }
}
