package org.nianbao.report;

/** The text speaking of the reporting organ's own year (「本局2022年度…」), to catch text copied from last year. */
public record YearMention(int year, int line, String excerpt) {
}
