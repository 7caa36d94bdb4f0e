package org.nianbao.collection;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a fetched page says about the report, as a person reading it would: the page is the report itself (its text
 * has the parts of an annual report), or it links to the report as an attachment (a PDF, Word or text file; one whose
 * name or link text says 年度报告 or 年报, and the year, first), or to a page titled as the report.
 */
final class ReportLinks {

    private static final Pattern ATTACHMENT = Pattern.compile("(?i).*\\.(pdf|docx?|wps|txt)$");
    private static final List<String> REPORT_PARTS = List.of("主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议", "存在的主要问题及改进情况");

    private ReportLinks() {
    }

    /** A link the page offers, and whether it is a file to download or another page. */
    record Link(URI uri, String text, boolean attachment, int score) {
    }

    /** Whether the page's own text is an annual report: at least two of its parts' titles. */
    static boolean isReport(Document page) {
        String text = page.body() == null ? page.text() : page.body().text();
        return REPORT_PARTS.stream().filter(text::contains).count() >= 2;
    }

    /** The best link to the report on a page: an attachment before a page, the one naming the report and year first. */
    static Optional<Link> best(Document page, int year) {
        return page.select("a[href]").stream()
                .map(a -> link(a, year))
                .filter(l -> l != null && (l.attachment() ? l.score() >= 0 : l.score() >= 3))
                .max(Comparator.comparingInt((Link l) -> l.attachment() ? 1 : 0).thenComparingInt(Link::score));
    }

    private static Link link(Element a, int year) {
        String href = a.absUrl("href");
        if (href.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(href.replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            return null;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = decoded(path.substring(path.lastIndexOf('/') + 1));
        String text = (a.text() + " " + a.attr("title")).strip();
        boolean attachment = ATTACHMENT.matcher(path).matches();
        String words = text + " " + name;
        int score = 0;
        if (words.contains("年度报告") || words.contains("年报")) {
            score += 3;
        }
        if (words.contains("政府信息公开")) {
            score += 1;
        }
        if (words.contains(Integer.toString(year))) {
            score += 2;
        } else if (words.matches(".*20\\d\\d.*")) {
            score -= 2; // another year's report
        }
        return new Link(uri, text, attachment, score);
    }

    static String decoded(String name) {
        try {
            return java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** A fetched page, its charset from the page itself (byte-order mark, meta) as a browser finds it. */
    static Document parse(byte[] bytes, String url) {
        try {
            return Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, url);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
