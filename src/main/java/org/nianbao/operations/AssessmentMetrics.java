package org.nianbao.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the service counts for its operators (exposed at {@code /actuator/prometheus}): assessments by outcome and
 * format ({@code nianbao_assessments_total}), how long each took ({@code nianbao_assessment_duration_seconds}, a
 * histogram), and requests refused by reason ({@code nianbao_refusals_total}).
 */
@Component
public class AssessmentMetrics {

    private final MeterRegistry registry;

    public AssessmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An assessment that finished: {@code outcome} scored, rejected (not a report, unreadable) or failed. */
    public void assessed(String outcome, String format, Duration took) {
        Counter.builder("nianbao.assessments").description("Assessments by outcome and format")
                .tag("outcome", outcome).tag("format", format == null ? "unknown" : format)
                .register(registry).increment();
        if (took != null) {
            Timer.builder("nianbao.assessment.duration").description("Time to read and assess one report")
                    .tag("outcome", outcome).publishPercentileHistogram()
                    .register(registry).record(took);
        }
    }

    /** A request refused before or while it was assessed; {@code reason} as the error body names it. */
    public void refused(String reason) {
        Counter.builder("nianbao.refusals").description("Requests refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** A clock for one assessment. */
    public static long start() {
        return System.nanoTime();
    }

    public static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
