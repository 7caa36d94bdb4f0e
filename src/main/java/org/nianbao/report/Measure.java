package org.nianbao.report;

/** An improvement measure stated in section 五 (改进情况 / 下一步工作). */
public record Measure(int line, String text) {
}
