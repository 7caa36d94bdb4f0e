package org.nianbao.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.nianbao.accounts.AccountStore;
import org.nianbao.accounts.AccountUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session holds while its account is as it was at sign-in. On each request that carries a session, the
 * account's stamp is read from the database (one read by the unique name: every instance sees a change at once); a
 * session of an account since disabled, deleted, or given other roles or another password is ended, and the request
 * goes on as anybody's — to the sign-in page, a 401 or a 403.
 */
final class SessionAccountCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountCheck.class);

    private final AccountStore store;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionAccountCheck(AccountStore store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication signedIn = contexts.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof AccountUser user && !user.current(store.stamp(user.getUsername()))) {
                log.info("账号「{}」已更改或停用，其会话已结束 (session of '{}' ended: the account changed)", user.getUsername(),
                        user.getUsername());
                session.invalidate();
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
