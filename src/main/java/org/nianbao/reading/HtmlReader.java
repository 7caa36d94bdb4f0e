package org.nianbao.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads a web page (or a saved page): the report body without the site's navigation, breadcrumbs, share and
 * print links; {@code <table>} cells as cells (merged cells spread over the columns they span); the page's
 * 发布时间 as its publication date. The charset comes from the page (BOM, meta), not from an assumption.
 */
final class HtmlReader {

    private static final String CHROME = "nav, header, footer, script, style, noscript, iframe, form, select, button, "
            + "[class~=(?i)(nav|menu|breadcrumb|crumb|share|print|footer|header|sidebar|position|location|toolbar)], "
            + "[id~=(?i)(nav|menu|breadcrumb|crumb|share|print|footer|header|sidebar|position|location|toolbar)]";
    /** A page's footer and its lists of other pages: never where the report's own date is. */
    private static final String ELSEWHERE = "footer, nav, "
            + "[class~=(?i)(footer|foot|bottom|related|relate|xgxx|xglj|recommend|links|copyright|sidebar)], "
            + "[id~=(?i)(footer|foot|bottom|related|relate|xgxx|xglj|recommend|links|copyright|sidebar)]";
    private static final Pattern META_DATE = Pattern.compile("((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final int MAX_DEPTH = 200;

    private HtmlReader() {
    }

    static Document read(String name, byte[] bytes, ReadingLimits limits) {
        if (bytes.length > limits.maxPageBytes()) {
            throw new RejectedInput(RejectedInput.Reason.TOO_LARGE, ("网页超过 %d 字节，不像一份年度报告页面；"
                    + "可另存为文本或 PDF 后提交 (the page is too large)").formatted(limits.maxPageBytes()));
        }
        if (nesting(bytes) > MAX_DEPTH) {
            throw new RejectedInput(RejectedInput.Reason.NOT_TEXT, "网页嵌套过深，无法读取 (the page is nested too deeply)");
        }
        org.jsoup.nodes.Document page;
        try {
            Parser parser = Parser.htmlParser().setTrackErrors(0);
            page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "", parser);
        } catch (IOException e) {
            throw new RejectedInput(RejectedInput.Reason.NOT_TEXT, "无法读取网页 (cannot read the page): " + e.getMessage());
        }
        LocalDate pageDate = metaDate(page);
        Element body = page.body();
        if (body == null) {
            throw RejectedInput.empty();
        }
        if (pageDate == null) {
            pageDate = pageDate(body);
        }
        body.select(CHROME).remove();
        Element content = mainContent(body);
        DocumentBuilder out = new DocumentBuilder(limits.maxCharacters());
        StringBuilder paragraph = new StringBuilder();
        walk(content, out, paragraph, 0);
        flush(out, paragraph);
        return out.build(name, "html", pageDate);
    }

    /**
     * The date the page's own head gives (「发布时间：」 over the title), or one after the report before the footer; never
     * a date of the footer or of the links to other pages ({@link PageDates}). The footer and those lists are taken
     * off the page first: they are no part of the report either.
     */
    private static LocalDate pageDate(Element body) {
        body.select(ELSEWHERE).remove();
        return PageDates.inText(body.text());
    }

    /** The element that holds the report: the one with the most text among the usual containers, else the body. */
    private static Element mainContent(Element body) {
        Element best = body;
        int bestLength = 0;
        for (Element e : body.select("article, main, [class~=(?i)(content|article|zoom|detail|text|main)], [id~=(?i)(content|article|zoom|detail|text|main)]")) {
            int length = e.text().length();
            if (length > bestLength) {
                best = e;
                bestLength = length;
            }
        }
        return bestLength > body.text().length() / 3 ? best : body;
    }

    /**
     * How deeply the page's elements nest, counted on the bytes before parsing (a hostile page nested 100 000
     * deep would take the parser seconds). Void elements and self-closing tags do not nest; {@code <} never
     * occurs inside a multi-byte GBK or UTF-8 character, so the count holds whatever the charset.
     */
    static int nesting(byte[] bytes) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] != '<') {
                continue;
            }
            byte next = bytes[i + 1];
            if (next == '/') {
                depth = Math.max(0, depth - 1);
            } else if (Character.isLetter(next)) {
                int end = i + 1;
                while (end < bytes.length && bytes[end] != '>' && end - i < 2048) {
                    end++;
                }
                String tag = new String(bytes, i + 1, Math.min(end - i - 1, 10), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .toLowerCase().split("[\\s/>]", 2)[0];
                boolean selfClosing = end < bytes.length && bytes[end - 1] == '/';
                if (!selfClosing && !VOID.contains(tag)) {
                    max = Math.max(max, ++depth);
                }
            }
        }
        return max;
    }

    private static final java.util.Set<String> VOID = java.util.Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "option");

    private static void walk(Node node, DocumentBuilder out, StringBuilder paragraph, int depth) {
        if (depth > MAX_DEPTH) {
            throw new RejectedInput(RejectedInput.Reason.NOT_TEXT, "网页嵌套过深，无法读取 (the page is nested too deeply)");
        }
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                paragraph.append(t.getWholeText().replaceAll("\\s+", " "));
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("table")) {
                    flush(out, paragraph);
                    table(e, out);
                } else if (tag.equals("br")) {
                    flush(out, paragraph);
                } else if (isBlock(tag)) {
                    flush(out, paragraph);
                    walk(e, out, paragraph, depth + 1);
                    flush(out, paragraph);
                } else {
                    walk(e, out, paragraph, depth + 1);
                }
            }
        }
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                 "dd", "blockquote", "pre", "center", "main", "tr", "tbody", "thead" -> true;
            default -> false;
        };
    }

    private static void flush(DocumentBuilder out, StringBuilder paragraph) {
        String text = paragraph.toString().strip();
        if (!text.isEmpty()) {
            out.paragraph(text);
        }
        paragraph.setLength(0);
    }

    /** Rows of a table with row- and column-spans spread, so every number keeps its column. */
    private static void table(Element table, DocumentBuilder out) {
        List<List<String>> grid = new ArrayList<>();
        List<int[]> pending = new ArrayList<>(); // {row, column} taken by a rowspan from above
        int r = 0;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue; // a row of a nested table
            }
            List<String> cells = new ArrayList<>();
            int c = 0;
            for (Element td : tr.children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                while (taken(pending, r, c)) {
                    cells.add("");
                    c++;
                }
                cells.add(td.text().strip());
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                for (int k = 1; k < colspan; k++) {
                    cells.add("");
                }
                for (int down = 1; down < rowspan; down++) {
                    for (int k = 0; k < colspan; k++) {
                        pending.add(new int[] {r + down, c + k});
                    }
                }
                c += colspan;
            }
            while (taken(pending, r, c)) {
                cells.add("");
                c++;
            }
            grid.add(cells);
            r++;
        }
        for (List<String> row : grid) {
            if (row.stream().anyMatch(s -> !s.isBlank())) {
                out.row(row);
            }
        }
    }

    private static boolean taken(List<int[]> pending, int row, int column) {
        return pending.stream().anyMatch(p -> p[0] == row && p[1] == column);
    }

    private static int span(String attr) {
        try {
            return Math.max(1, Math.min(50, Integer.parseInt(attr.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static LocalDate metaDate(org.jsoup.nodes.Document page) {
        for (String name : List.of("PubDate", "pubdate", "publishdate", "article:published_time", "firstpublishedtime")) {
            Element meta = page.selectFirst("meta[name=" + name + "], meta[property=" + name + "]");
            if (meta != null) {
                Matcher m = META_DATE.matcher(meta.attr("content"));
                if (m.find()) {
                    return date(m);
                }
            }
        }
        return null;
    }

    private static LocalDate date(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
