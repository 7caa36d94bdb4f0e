package org.nianbao.report;

/**
 * A row the report's format requires in a table, with the label the format prints for it.
 *
 * @param group for table 3 the part of the table: {@code applications} (一、二), {@code outcome}
 *              (三(一)–(六)), {@code results_total}, {@code carried_forward}; for table 2 the 第二十条 item
 */
public record ExpectedRow(String table, String row, String label, String group) {
}
