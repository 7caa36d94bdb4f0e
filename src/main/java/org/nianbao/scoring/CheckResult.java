package org.nianbao.scoring;

/** A check of the scorecard and how the report fared: passed, failed, partial or not_applicable. */
public record CheckResult(String id, String category, String outcome, double points, Double earned) {
}
