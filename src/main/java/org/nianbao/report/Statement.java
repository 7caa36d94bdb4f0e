package org.nianbao.report;

/**
 * A statement the rules look for, found in the text (e.g. kind {@code information_fee} for 「未收取信息处理费」).
 * The kinds and their wording are defined in {@code rules/statements.yaml}.
 *
 * @param kind    the statement's id
 * @param section the section it stands in (0 before section 一)
 */
public record Statement(String kind, int section, int line, String excerpt) {
}
