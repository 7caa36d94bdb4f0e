package org.nianbao.operations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Scoring without an account ({@code POST /api/assessments}, {@code POST /check}) is limited per client address:
 * {@code nianbao.limits.anonymous.per-address} reports (default 30) per {@code nianbao.limits.anonymous.period}
 * (default one hour), as a token bucket that fills again evenly over the period (0 turns the limit off). Beyond it the
 * answer is 429 with {@code Retry-After}, before the body is read. Signed-in accounts are not limited here (only by
 * {@link Admission}, like everyone).
 *
 * <p>The address is the client's as Tomcat sees it: behind a proxy on an internal address, the one the proxy puts in
 * {@code X-Forwarded-For} ({@code server.forward-headers-strategy=native}). IPv6 addresses count by their /64
 * network, which one subscriber usually holds whole. Each instance counts on its own.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10) // after sign-in (Spring Security's filters), before Admission takes a place
public class AnonymousRateLimit extends OncePerRequestFilter {

    private final int perAddress;
    private final Duration period;
    private final AssessmentMetrics metrics;
    private final Cache<String, Bucket> buckets;

    public AnonymousRateLimit(@Value("${nianbao.limits.anonymous.per-address:30}") int perAddress,
                              @Value("${nianbao.limits.anonymous.period:PT1H}") Duration period,
                              AssessmentMetrics metrics) {
        this.perAddress = perAddress;
        this.period = period;
        this.metrics = metrics;
        // a bucket untouched for a whole period is full again: forgetting it changes nothing
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period).build();
    }

    /** Whether the request scores a report without an account. */
    static boolean anonymousScoring(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getUserPrincipal() != null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/assessments") || path.equals("/check");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (perAddress <= 0 || !anonymousScoring(request)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.get(client(request.getRemoteAddr()), address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perAddress).refillGreedy(perAddress, period)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        metrics.refused("rate_limited");
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        tooMany(request, response, seconds);
    }

    /** The key an address counts under: itself, or for IPv6 its /64 network. */
    static String client(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: nothing is looked up
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        String message = ("未登录时每个网络地址每 %s最多评分 %d 份报告，请 %s后再试，或登录后评分"
                + " (too many reports scored from this address: try again later)")
                .formatted(human(period), perAddress, human(Duration.ofSeconds(seconds)));
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setHeader("Connection", "close"); // the body we did not read is not worth receiving
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            String id = RequestIds.current();
            response.getWriter().write("{\"status\":429,\"error\":\"too_many_requests\",\"message\":\"" + message + "\""
                    + (id == null ? "" : ",\"requestId\":\"" + id + "\"") + "}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write(message);
        }
    }

    /** A duration in Chinese words: 1 小时, 10 分钟, 45 秒. */
    static String human(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + " 小时";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " 分钟";
        }
        return d.toSeconds() < 60 ? d.toSeconds() + " 秒" : (d.toMinutes() + 1) + " 分钟";
    }
}
