package org.nianbao.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with PDFBox: text in reading order (sorted by position), page numbers dropped, and the hard
 * line breaks inside a paragraph joined again, so that a sentence broken across lines reads as one.
 * A table the page draws with ruling lines is read by its geometry ({@link PdfTable}) and comes out as rows of
 * cells, as a Word document's tables do; a row that a page break cut in two is joined again. A table drawn
 * without lines keeps its cells separated by spaces, which the extractor reads by label.
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

    /**
     * A line of text, where it ends on the page and its glyphs, or the place where a ruled table stands
     * ({@code table}).
     */
    private record PdfLine(String text, float left, float right, boolean pageStart, PdfTable table, List<PdfTable.Glyph> glyphs) {
        PdfLine(String text, float left, float right, boolean pageStart, List<PdfTable.Glyph> glyphs) {
            this(text, left, right, pageStart, null, glyphs);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("^[-+]?[\\d,，.]+$");

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
        TableRun run = new TableRun(out);
        java.util.Map<Integer, PdfStream.Table> unruled = new java.util.HashMap<>();
        List<PdfStream.Line> streamLines = new ArrayList<>(lines.size());
        for (PdfLine l : lines) {
            // a ruled table is where a borderless table ends; a page number is passed over
            boolean pageNumber = PAGE_NUMBER.matcher(l.text().strip()).matches();
            streamLines.add(new PdfStream.Line(l.table() != null || pageNumber ? List.of() : PdfStream.words(l.glyphs()),
                    l.table() != null));
        }
        PdfStream.find(streamLines).forEach(t -> unruled.put(t.from(), t));
        for (int index = 0; index < lines.size(); index++) {
            PdfLine line = lines.get(index);
            PdfStream.Table borderless = unruled.get(index);
            if (borderless != null) {
                if (paragraph.length() > 0) {
                    out.paragraph(paragraph.toString());
                    paragraph.setLength(0);
                }
                run.flush();
                borderless.rows().forEach(out::row);
                previous = null;
                index = borderless.to() - 1;
                continue;
            }
            if (line.table() != null) {
                if (paragraph.length() > 0) {
                    out.paragraph(paragraph.toString());
                    paragraph.setLength(0);
                }
                run.add(line.table());
                previous = null;
                continue;
            }
            String text = line.text().strip();
            if (text.isEmpty() || PAGE_NUMBER.matcher(text).matches()) {
                continue;
            }
            run.flush();
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
        run.flush();
        if (paragraph.length() > 0) {
            out.paragraph(paragraph.toString());
        }
        return out;
    }

    /**
     * Ruled tables that follow one another with nothing but page breaks between them. A table continued on the
     * next page with the same columns may begin with the rest of a row the page break cut: a row with text but
     * no number, after a row with numbers. That row is joined to the one before, cell by cell.
     */
    private static final class TableRun {
        private final DocumentBuilder out;
        private float[] edges;
        private List<String> last;

        TableRun(DocumentBuilder out) {
            this.out = out;
        }

        void add(PdfTable table) {
            List<List<String>> rows = table.cells();
            if (rows.isEmpty()) {
                return;
            }
            int from = 0;
            if (last != null && sameColumns(edges, table.columnEdges()) && !hasNumber(rows.get(0)) && hasNumber(last)) {
                List<String> joined = new ArrayList<>(last.size());
                for (int i = 0; i < last.size(); i++) {
                    joined.add(last.get(i) + rows.get(0).get(i));
                }
                last = joined;
                from = 1;
            }
            for (int i = from; i < rows.size(); i++) {
                if (last != null) {
                    out.row(last);
                }
                last = rows.get(i);
            }
            edges = table.columnEdges();
        }

        void flush() {
            if (last != null) {
                out.row(last);
            }
            last = null;
            edges = null;
        }

        private static boolean hasNumber(List<String> row) {
            return row.stream().anyMatch(c -> NUMBER.matcher(c).matches());
        }

        private static boolean sameColumns(float[] a, float[] b) {
            if (a == null || a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > 2) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * PDFBox's stripper, keeping each output line with its horizontal extent. Glyphs inside a ruled table go to
     * the table's cells instead, and the table takes the place in the text where its first glyph was met.
     */
    private static final class LineCollector extends PDFTextStripper {
        private final List<PdfLine> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private final List<PdfTable.Glyph> glyphs = new ArrayList<>();
        private float left = Float.MAX_VALUE;
        private float right = 0;
        private boolean pageStart = true;
        private List<PdfTable> tables = List.of();
        private final java.util.Set<PdfTable> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        LineCollector() throws IOException {
            super();
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            tables = PdfTable.find(PdfRulings.of(page));
            placed.clear();
            super.processPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (tables.isEmpty()) {
                current.append(text);
                for (TextPosition p : positions) {
                    left = Math.min(left, p.getXDirAdj());
                    right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                    glyphs.add(glyph(p));
                }
                return;
            }
            for (TextPosition p : positions) {
                float size = p.getHeightDir() > 0 ? p.getHeightDir() : 8;
                float x = p.getDir() == 0 ? p.getXDirAdj() + p.getWidthDirAdj() / 2 : p.getX();
                float y = p.getDir() == 0 ? p.getYDirAdj() - size / 2 : p.getY();
                PdfTable table = tableAt(x, y);
                if (table != null) {
                    table.add(new PdfTable.Glyph(p.getUnicode(), x, y, size, p.getWidthDirAdj()));
                    if (placed.add(table)) {
                        lines.add(new PdfLine("", 0, 0, pageStart, table, List.of()));
                    }
                } else {
                    current.append(p.getUnicode());
                    left = Math.min(left, p.getXDirAdj());
                    right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                    glyphs.add(glyph(p));
                }
            }
        }

        /** A glyph outside ruled tables, for reading borderless tables by their column gaps. */
        private static PdfTable.Glyph glyph(TextPosition p) {
            float size = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : Math.max(p.getHeightDir(), 8);
            return new PdfTable.Glyph(p.getUnicode(), p.getXDirAdj() + p.getWidthDirAdj() / 2, p.getYDirAdj(), size, p.getWidthDirAdj());
        }

        private PdfTable tableAt(float x, float y) {
            for (PdfTable t : tables) {
                if (t.contains(x, y)) {
                    return t;
                }
            }
            return null;
        }

        @Override
        protected void writeWordSeparator() {
            if (!current.isEmpty()) {
                current.append(' ');
            }
        }

        @Override
        protected void writeLineSeparator() {
            lines.add(new PdfLine(current.toString(), left, right, pageStart, List.copyOf(glyphs)));
            current.setLength(0);
            glyphs.clear();
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
