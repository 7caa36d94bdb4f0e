package org.nianbao.report;

/**
 * A numbered sub-part of a section, such as 「(三)政府信息管理」 in section 一.
 *
 * @param section the section it belongs to
 * @param printed the number as printed (「三」, 「3」)
 * @param ordinal the number's value
 * @param style   "chinese" for (三), "arabic" for (3); {@code null} for an aspect written otherwise beside bracketed
 *                headings (「1.主动公开」), or as a paragraph (「主动公开方面：」): its numbering is not compared
 * @param title   the heading text, up to the first full stop
 * @param topic   the required topic it covers (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) or {@code null}
 * @param line    its line
 */
public record SubPart(int section, String printed, int ordinal, String style, String title, String topic, int line) {
}
