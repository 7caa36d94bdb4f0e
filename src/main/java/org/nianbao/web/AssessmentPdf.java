package org.nianbao.web;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.nianbao.assessment.Assessment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An assessment as a PDF on A4: its score, its findings with their places and suggestions, its checks; and the
 * scoring method in force, from the same page as {@code /method}. Laid out from an HTML page by openhtmltopdf, with a
 * CJK font embedded (only the characters used): the one configured ({@code nianbao.pdf.font}, a .ttf, .otf or .ttc
 * file), else the first of the usual Debian CJK fonts found.
 */
@Component
class AssessmentPdf {

    /** A CJK font is needed for Chinese text and none is installed. */
    static class NoFont extends RuntimeException {
        NoFont() {
            super("服务器上没有中文字体，无法生成 PDF：请安装 fonts-wqy-microhei 或 fonts-noto-cjk，或用 nianbao.pdf.font 指定字体文件 (no CJK font)");
        }
    }

    private static final List<String> USUAL = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private final ITemplateEngine templates;
    private final String configured;

    AssessmentPdf(ITemplateEngine templates, @Value("${nianbao.pdf.font:}") String configured) {
        this.templates = templates;
        this.configured = configured;
    }

    private Path font() {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(USUAL);
        return candidates.stream().map(Path::of).filter(Files::isReadable).findFirst().orElseThrow(NoFont::new);
    }

    byte[] render(Assessment a, ReportView view) {
        return render(a, view, List.of(), null);
    }

    /**
     * With the findings reviewers dismissed (struck through, with who, why and when) and the dismissals that wait for
     * a second reviewer, by fingerprint.
     */
    byte[] render(Assessment a, ReportView view, List<CheckPages.Dismissed> dismissed,
                  java.util.Map<String, org.nianbao.rounds.Reviews.Review> pending) {
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("a", a);
        variables.put("view", view);
        variables.put("dismissed", dismissed);
        variables.put("pending", pending);
        return render("result-pdf", variables);
    }

    /** The scoring method as a PDF: the same content as the page {@code /method}. */
    byte[] render(org.nianbao.policy.ScoringMethod method) {
        return render("method-pdf", java.util.Map.of("method", method));
    }

    private byte[] render(String template, java.util.Map<String, Object> variables) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariables(variables);
        context.setVariable("n", Numbers.INSTANCE);
        String html = templates.process(template, context);
        org.w3c.dom.Document page = new W3CDom().fromJsoup(Jsoup.parse(html));
        Path fontFile = font();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocument pdf = new PDDocument();
            TrueTypeCollection collection = null;
            try {
                PDType0Font font;
                if (fontFile.toString().toLowerCase().endsWith(".ttc")) {
                    collection = new TrueTypeCollection(fontFile.toFile());
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    collection.processAllFonts(f -> {
                        if (first[0] == null) {
                            first[0] = f;
                        }
                    });
                    font = PDType0Font.load(pdf, first[0], true);
                } else {
                    font = PDType0Font.load(pdf, fontFile.toFile());
                }
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.usePDDocument(pdf);
                builder.useFont(new PDFontSupplier(font), "cjk");
                builder.withW3cDocument(page, "/");
                builder.toStream(out);
                builder.run();
            } finally {
                pdf.close();
                if (collection != null) {
                    collection.close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
