package org.nianbao.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the work the service takes on at once, so that a rush of uploads slows answers down instead of running out
 * of memory. Reports to assess now (a self-check, the API's upload, a batch) share {@code nianbao.limits.assessing}
 * places (default: two per core); submissions to a round, which may be large ZIP archives, share
 * {@code nianbao.limits.uploads} (default 2). A request waits for a place up to {@code nianbao.limits.wait} among at
 * most {@code nianbao.limits.waiting} others; beyond that it is answered 503 with {@code Retry-After} before its body
 * is read.
 *
 * <p>The filter runs after sign-in, so a request that may not upload never takes a place.
 */
@Component
public class Admission extends OncePerRequestFilter {

    /** A bounded set of places with a bounded line in front of it. */
    static final class Gate {
        private final String name;
        private final Semaphore places;
        private final int maxWaiting;
        private final AtomicInteger waiting = new AtomicInteger();

        Gate(String name, int places, int maxWaiting) {
            this.name = name;
            this.places = new Semaphore(places, true);
            this.maxWaiting = maxWaiting;
        }

        /**
         * Takes a place, waiting in line up to {@code wait}: in the order of arrival (a request that finds a place
         * free while others wait for one goes to the back of the line, not in front of them, which gave the slowest
         * answers under load most of their time).
         */
        boolean enter(Duration wait) throws InterruptedException {
            if (places.tryAcquire(0, TimeUnit.MILLISECONDS)) { // unlike tryAcquire(), it keeps the semaphore's order
                return true;
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        }

        void leave() {
            places.release();
        }
    }

    private final Gate assessing;
    private final Gate uploads;
    private final Duration wait;
    private final AssessmentMetrics metrics;

    public Admission(@Value("${nianbao.limits.assessing:0}") int assessing,
                     @Value("${nianbao.limits.uploads:2}") int uploads,
                     @Value("${nianbao.limits.waiting:64}") int waiting,
                     @Value("${nianbao.limits.wait:PT20S}") Duration wait,
                     AssessmentMetrics metrics) {
        int places = assessing > 0 ? assessing : 2 * Runtime.getRuntime().availableProcessors();
        this.assessing = new Gate("assessing", places, waiting);
        this.uploads = new Gate("uploads", Math.max(1, uploads), Math.max(1, waiting / 8));
        this.wait = wait;
        this.metrics = metrics;
    }

    /** The gate a request passes, or null when it does not assess anything itself. */
    Gate gateOf(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/assessments") || path.equals("/api/assessments/batch") || path.equals("/check")) {
            return assessing;
        }
        if (path.matches("/api/rounds/[^/]+/submissions")) {
            return uploads;
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Gate gate = gateOf(request);
        if (gate == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean entered;
        try {
            entered = gate.enter(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            metrics.refused("busy_" + gate.name);
            busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            gate.leave();
        }
    }

    private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = "服务繁忙，请稍后再试 (the service is busy: try again shortly)";
        response.setStatus(503);
        response.setHeader("Retry-After", "5");
        response.setHeader("Connection", "close"); // the body we did not read is not worth receiving
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            String id = RequestIds.current();
            response.getWriter().write("{\"status\":503,\"error\":\"busy\",\"message\":\"" + message + "\""
                    + (id == null ? "" : ",\"requestId\":\"" + id + "\"") + "}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write(message);
        }
    }
}
