package org.nianbao.report;

/** A column every row of a table must have (tables 3 and 4). */
public record ExpectedColumn(String table, String column, String label) {
}
