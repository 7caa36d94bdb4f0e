package org.nianbao.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Renders a sample report in other formats, as agencies publish it: a Word document with real tables, a web
 * page (GBK, with site navigation around the report) and a PDF with a CJK font. A line holding {@code |} or a
 * tab is a table row; consecutive rows form one table; every other line is a paragraph.
 */
public final class Formats {

    /** Debian's fonts-wqy-microhei, installed by .ci/run. */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private Formats() {
    }

    /** {@code Formats docx|html|pdf INPUT.txt OUTPUT}: writes a rendering (used to rebuild the .doc fixture). */
    public static void main(String[] args) throws IOException {
        String text = Files.readString(Path.of(args[1]));
        byte[] out = switch (args[0]) {
            case "docx" -> docx(text);
            case "html" -> html(text, "2024-01-31");
            case "pdf" -> pdf(text);
            default -> throw new IllegalArgumentException("docx, html or pdf");
        };
        Files.write(Path.of(args[2]), out);
    }

    /** A block of the sample: a paragraph, or a table (its rows of cells). */
    record Block(String paragraph, List<List<String>> rows) {
    }

    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<List<String>> table = null;
        for (String raw : text.split("\\R", -1)) {
            if (raw.contains("|") || raw.contains("\t")) {
                if (table == null) {
                    table = new ArrayList<>();
                    blocks.add(new Block(null, table));
                }
                table.add(cells(raw));
            } else {
                table = null;
                if (!raw.isBlank()) {
                    blocks.add(new Block(raw.strip(), null));
                }
            }
        }
        return blocks;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        if (line.contains("|")) {
            String body = line.strip();
            if (body.startsWith("|")) {
                body = body.substring(1);
            }
            if (body.endsWith("|")) {
                body = body.substring(0, body.length() - 1);
            }
            for (String c : body.split("\\|", -1)) {
                cells.add(c.strip());
            }
        } else {
            String[] parts = line.split("\t", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0 || !parts[0].isBlank()) {
                    cells.add(parts[i].strip());
                }
            }
        }
        return cells;
    }

    public static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT)
                    .createParagraph().createRun().setText("页眉：不应被读取 999 888");
            for (Block b : blocks(text)) {
                if (b.paragraph() != null) {
                    doc.createParagraph().createRun().setText(b.paragraph());
                } else {
                    int width = b.rows().stream().mapToInt(List::size).max().orElse(1);
                    XWPFTable table = doc.createTable(b.rows().size(), width);
                    for (int r = 0; r < b.rows().size(); r++) {
                        XWPFTableRow row = table.getRow(r);
                        List<String> cells = b.rows().get(r);
                        while (row.getTableCells().size() > cells.size()) {
                            row.removeCell(row.getTableCells().size() - 1);
                        }
                        for (int c = 0; c < cells.size(); c++) {
                            row.getCell(c).setText(cells.get(c));
                        }
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A web page in GBK with the site's navigation, breadcrumbs and share links around the report. */
    public static byte[] html(String text, String pubDate) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
                <meta name="PubDate" content="%s"><title>年度报告</title></head><body>
                <div class="nav"><a href="/">首页</a> <a href="/gk">政务公开</a> 2019 2020 2021</div>
                <div class="breadcrumb">当前位置：首页 &gt; 政府信息公开年报</div>
                <div class="article-content">
                """.formatted(pubDate));
        for (Block b : blocks(text)) {
            if (b.paragraph() != null) {
                page.append("<p>").append(escape(b.paragraph())).append("</p>\n");
            } else {
                page.append("<table border=\"1\">\n");
                for (List<String> row : b.rows()) {
                    page.append("<tr>");
                    row.forEach(c -> page.append("<td>").append(escape(c)).append("</td>"));
                    page.append("</tr>\n");
                }
                page.append("</table>\n");
            }
        }
        page.append("""
                </div>
                <div class="share">分享到：微信 微博 <a href="javascript:print()">打印本页</a> 关闭窗口</div>
                <div class="footer">主办单位：某某市人民政府办公室 网站标识码 1234567890</div>
                </body></html>
                """);
        return page.toString().getBytes(Charset.forName("GBK"));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00A0", "&nbsp;");
    }

    /**
     * A PDF as agencies print one: paragraphs wrapped at the right margin, table rows as cells spaced along
     * the line, page numbers at the foot. Blank cells are not printed (a PDF does not show them).
     */
    public static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
             TrueTypeCollection collection = new TrueTypeCollection(Files.newInputStream(CJK_FONT))) {
            PDType0Font font = PDType0Font.load(doc, collection.getFontByName("WenQuanYiMicroHei"), true);
            float size = 9;
            float margin = 50;
            PDRectangle box = PDRectangle.A4;
            float width = box.getWidth() - 2 * margin;
            List<String> lines = new ArrayList<>();
            for (Block b : blocks(text)) {
                if (b.paragraph() != null) {
                    wrap(b.paragraph(), font, size, width, lines);
                } else {
                    for (List<String> row : b.rows()) {
                        String line = String.join("  ", row.stream().filter(c -> !c.isBlank()).toList());
                        if (!line.isBlank()) {
                            wrap(line, font, size, width, lines);
                        }
                    }
                }
            }
            int perPage = (int) ((box.getHeight() - 2 * margin) / (size * 1.6f));
            for (int start = 0, pageNo = 1; start < lines.size(); start += perPage, pageNo++) {
                PDPage page = new PDPage(box);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, size);
                    content.setLeading(size * 1.6f);
                    content.newLineAtOffset(margin, box.getHeight() - margin);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                    content.beginText();
                    content.newLineAtOffset(box.getWidth() / 2 - 10, margin / 2);
                    content.showText("- " + pageNo + " -");
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wrap(String text, PDType0Font font, float size, float width, List<String> lines) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cp == '\t') {
                ch = "  ";
            }
            if (font.getStringWidth(line + ch) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
    }
}
