package org.nianbao.report;

/** A problem stated in section 五 (存在的主要问题). */
public record Problem(int line, String text) {
}
