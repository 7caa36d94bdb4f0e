package org.nianbao.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.nianbao.accounts.AccountUser;
import org.nianbao.accounts.ApiTokens;
import org.nianbao.accounts.SignInThrottle;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer nbt_…}: the request is its token's account's, for this request only (no session). A
 * token that is unknown, revoked, or whose account is disabled is answered 401 at once; an address sending many bad
 * tokens is locked out like one guessing passwords.
 */
final class BearerTokens extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final SignInThrottle throttle;
    private final AuthenticationEntryPoint refuse;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    BearerTokens(ApiTokens tokens, SignInThrottle throttle, AuthenticationEntryPoint refuse) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        var wait = throttle.wait(null, address);
        if (wait.isPresent()) {
            refuse.commence(request, response, new SignInThrottled(wait.get()));
            return;
        }
        Optional<AccountUser> user = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (user.isEmpty()) {
            throttle.failed(null, address);
            contexts.clearContext();
            refuse.commence(request, response, new BadCredentialsException("令牌无效、已撤销或其账号已停用 (invalid token)"));
            return;
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities());
        signedIn.setDetails(details.buildDetails(request));
        var context = contexts.createEmptyContext();
        context.setAuthentication(signedIn);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
