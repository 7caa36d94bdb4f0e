package org.nianbao.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with PDFBox: text in reading order (sorted by position), page numbers dropped, and the hard
 * line breaks inside a paragraph joined again, so that a sentence broken across lines reads as one.
 * Table rows keep their cells separated by spaces, which the extractor reads by label.
 * A PDF without a text layer (a scan) is refused with a clear message.
 */
final class PdfReader {

    /** 「- 3 -」「— 3 —」「第3页」「第 3 页 共 5 页」「3/5」; a bare number may be a table cell and is kept. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:[-—–]\\s*\\d{1,3}\\s*[-—–]|第\\s*\\d{1,3}\\s*页(?:\\s*[,，]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})\\s*$");
    private static final Pattern STARTS_BLOCK = Pattern.compile(
            "^\\s*([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[.、]|第[一二三四五六七八九十]+|[一二三四五六七八九十]是)");
    private static final Pattern NUMBERS_AT_END = Pattern.compile(".*\\d+(\\s+[\\d.]+){2,}\\s*$");

    /** An annual report runs to a few dozen pages; a longer PDF is not one. */
    private static final int MAX_PAGES = 300;

    private PdfReader() {
    }

    /** A line of text and where it ends on the page. */
    private record PdfLine(String text, float left, float right, boolean pageStart) {
    }

    static Document read(String name, byte[] bytes, ReadingLimits limits) {
        if (!endsWithEof(bytes)) {
            // PDFBox would recover a few pages of a cut-off file and yield garbage: say what is wrong instead
            throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT,
                    "PDF 文件不完整（没有文件结束标记，可能在下载或复制时被截断），请重新获取完整文件 (the PDF is truncated)");
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.getNumberOfPages() > MAX_PAGES) {
                throw new RejectedInput(RejectedInput.Reason.TOO_LARGE,
                        "PDF 有 %d 页，超过上限 %d 页 (too many pages)".formatted(pdf.getNumberOfPages(), MAX_PAGES));
            }
            LineCollector collector = new LineCollector();
            collector.setSortByPosition(true);
            collector.getText(pdf);
            List<PdfLine> lines = collector.lines;
            long visible = lines.stream().mapToLong(l -> l.text().codePoints().filter(c -> !Character.isWhitespace(c)).count()).sum();
            if (visible < 50) {
                throw new RejectedInput(RejectedInput.Reason.NOT_TEXT,
                        "PDF 没有文字层（可能是扫描件），无法读取文字；请提供带文字的 PDF、Word 或网页版本 (the PDF has no text layer)");
            }
            return reflow(lines, limits).build(name, "pdf", null);
        } catch (InvalidPasswordException e) {
            throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT, "PDF 已加密，需要密码才能打开 (the PDF is encrypted)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedInput r) {
                throw r;
            }
            throw Readers.unreadable("PDF", e);
        }
    }

    /** A complete PDF ends with %%EOF (possibly followed by line ends or a little padding). */
    private static boolean endsWithEof(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    /** Joins a line to the one before when that one ran to the right margin (a paragraph wrapped by the layout). */
    private static DocumentBuilder reflow(List<PdfLine> lines, ReadingLimits limits) {
        float margin = 0;
        for (PdfLine l : lines) {
            margin = Math.max(margin, l.right());
        }
        DocumentBuilder out = new DocumentBuilder(limits.maxCharacters());
        StringBuilder paragraph = new StringBuilder();
        PdfLine previous = null;
        for (PdfLine line : lines) {
            String text = line.text().strip();
            if (text.isEmpty() || PAGE_NUMBER.matcher(text).matches()) {
                continue;
            }
            boolean continues = previous != null
                    && previous.right() >= margin - 20
                    && !NUMBERS_AT_END.matcher(previous.text()).matches()
                    && !NUMBERS_AT_END.matcher(text).matches()
                    && !STARTS_BLOCK.matcher(text).find()
                    && !text.contains("|");
            if (!continues && paragraph.length() > 0) {
                out.paragraph(paragraph.toString());
                paragraph.setLength(0);
            }
            paragraph.append(text);
            previous = line;
        }
        if (paragraph.length() > 0) {
            out.paragraph(paragraph.toString());
        }
        return out;
    }

    /** PDFBox's stripper, keeping each output line with its horizontal extent. */
    private static final class LineCollector extends PDFTextStripper {
        private final List<PdfLine> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private float left = Float.MAX_VALUE;
        private float right = 0;
        private boolean pageStart = true;

        LineCollector() throws IOException {
            super();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            current.append(text);
            for (TextPosition p : positions) {
                left = Math.min(left, p.getXDirAdj());
                right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
            }
        }

        @Override
        protected void writeWordSeparator() {
            current.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            lines.add(new PdfLine(current.toString(), left, right, pageStart));
            current.setLength(0);
            left = Float.MAX_VALUE;
            right = 0;
            pageStart = false;
        }

        @Override
        protected void writePageStart() {
            pageStart = true;
        }

        @Override
        protected void writePageEnd() {
            if (current.length() > 0) {
                writeLineSeparator();
            }
        }
    }
}
