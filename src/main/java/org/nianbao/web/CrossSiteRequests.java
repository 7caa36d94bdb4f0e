package org.nianbao.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that changes something and carries credentials a browser sends by itself (a session cookie, or HTTP Basic
 * the browser remembers) is refused with 403 when a page of another site sent it: its {@code Origin} names another
 * origin, or, without one, {@code Sec-Fetch-Site} says cross-site. A script sends neither header. Also tells a
 * browser's request from a script's, so that only a script is asked for HTTP Basic credentials.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequests.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Refusal refusal;

    CrossSiteRequests(Refusal refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (changesState(request) && carriesBrowserCredentials(request) && fromAnotherSite(request)) {
            log.warn("跨站请求被拒绝：{} {}，来源 {} (cross-site request refused)", request.getMethod(), request.getRequestURI(),
                    request.getHeader("Origin"));
            refusal.refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean changesState(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod());
    }

    /** A session cookie or an {@code Authorization} header: what a browser may add to a request a page makes. */
    static boolean carriesBrowserCredentials(HttpServletRequest request) {
        return request.getRequestedSessionId() != null || request.getHeader("Authorization") != null;
    }

    /** The request's {@code Origin} is not this service's own, or without one, the browser says it is cross-site. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !sameOrigin(request, origin);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    /** True when {@code origin} (scheme, host, port) is the origin the request was sent to. */
    static boolean sameOrigin(HttpServletRequest request, String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null": a sandboxed page, a file, a redirect across sites
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    /**
     * A browser's request, not a script's: every current browser sends {@code Sec-Fetch-Mode} or
     * {@code Sec-Fetch-Site}, a page's request an {@code Origin}; an older browser's navigation asks for HTML as a
     * {@code Mozilla/} agent. Such a request is never asked for HTTP Basic credentials unless it sent some: a browser
     * that is asked remembers them and sends them with any page's requests later. (PowerShell also calls itself
     * Mozilla, but asks for no HTML, and is asked.)
     */
    static boolean fromBrowser(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Origin") != null
                || (agent != null && agent.startsWith("Mozilla/") && accept != null && accept.contains("text/html"));
    }
}
