package org.nianbao.reading;

import java.time.LocalDate;

/**
 * A report as read from any format: its text laid out as lines (paragraphs, and table rows as
 * {@code | cell | cell |}), what format it came in, and what the container itself says about it.
 * Every reader produces this; the extractor consumes only this, so a new format is one new reader.
 *
 * @param text     the lines; line numbers refer to the stored extracted text
 * @param format   "text", "html", "docx", "doc" or "pdf"
 * @param pageDate the publication date a web page carries (its 发布时间 or PubDate), or {@code null}
 */
public record Document(SourceText text, String format, LocalDate pageDate) {
}
