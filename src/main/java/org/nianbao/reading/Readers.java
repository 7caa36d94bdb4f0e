package org.nianbao.reading;

import java.io.IOException;
import java.util.List;
import org.apache.tika.Tika;

/**
 * Reads a report from its bytes, whatever the format: the content decides the reader (Apache Tika's
 * detector), not the file name, so a file whose extension lies is read by what it is or refused clearly.
 */
public final class Readers {

    private Readers() {
    }

    /**
     * Tika's detector, made on first use: it reads Tika's whole table of types (about 100 ms on a cold JVM), and
     * only content that opens with markup but carries no page elements, or is refused, asks it.
     */
    private static final class Detector {
        static final Tika TIKA = new Tika();

        private Detector() {
        }
    }

    private static String detect(byte[] bytes) {
        return Detector.TIKA.detect(bytes);
    }

    /** The kinds of content a report may come in. */
    public enum Kind { TEXT, HTML, DOCX, DOC, PDF, ARCHIVE, UNSUPPORTED }

    public static Document read(String name, byte[] bytes) {
        return read(name, bytes, ReadingLimits.DEFAULT);
    }

    /**
     * The document in {@code bytes}, read by what they are; refused ({@link RejectedInput}) when empty, larger than
     * the limits (the file, or the text read from it: {@link ReadingLimits#maxCharacters()} for every format) or not
     * a format read here.
     */
    public static Document read(String name, byte[] bytes, ReadingLimits limits) {
        if (bytes.length == 0) {
            throw RejectedInput.empty();
        }
        if (bytes.length > limits.maxBytes()) {
            throw RejectedInput.tooLarge(bytes.length, limits.maxBytes());
        }
        Document document = switch (kind(bytes)) {
            case PDF -> PdfReader.read(name, bytes, limits);
            case DOCX -> DocxReader.read(name, bytes, limits);
            case DOC -> DocReader.read(name, bytes, limits);
            case HTML -> HtmlReader.read(name, bytes, limits);
            case TEXT -> {
                String what = binaryKind(bytes);
                if (what != null) { // said as what it is, not as text in an unknown encoding
                    throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT, "上传的文件是" + what
                            + "，不是年度报告。请上传报告本身：文本、网页、Word（.docx/.doc）或带文字的 PDF"
                            + "（扫描件请先转成带文字层的 PDF）(not a report: " + detect(bytes) + ")");
                }
                yield new Document(TextDecoder.decode(name, bytes), "text", null);
            }
            case ARCHIVE -> throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT,
                    "这是一个压缩包，请按批量评分提交：在评分页面上传（每份报告单独评分），或提交到 POST /api/assessments/batch (a ZIP archive: submit it as a batch)");
            case UNSUPPORTED -> throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT,
                    "不支持的文件格式（支持 txt、网页、Word、PDF 及其 ZIP 压缩包）(unsupported format: " + detect(bytes) + ")");
        };
        // one limit on the text for every format, here, where every reader's document passes (the readers that lay
        // out lines themselves stop earlier, at the same limit, so as not to build what is refused)
        if (document.text().original().length() > limits.maxCharacters()) {
            throw RejectedInput.tooMuchText(limits.maxCharacters());
        }
        return document;
    }

    /**
     * What the bytes are, by their content: the fixed signatures of PDF, ZIP (Word or an archive) and OLE2
     * (old Word) first; content that opens with markup goes to Tika's detector (web page or not); anything
     * else is text, which the text reader refuses clearly if it is not.
     */
    public static Kind kind(byte[] bytes) {
        if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
            return Kind.PDF;
        }
        if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6)) {
            return zipKind(bytes);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Kind.DOC;
        }
        int first = firstVisible(bytes);
        if (first < 0) {
            return Kind.TEXT;
        }
        if (hasMarkup(bytes)) {
            return Kind.HTML; // a page, or a page's article body kept without <html> and <body>
        }
        if (bytes[first] != '<') {
            return Kind.TEXT;
        }
        String type = detect(bytes);
        return switch (type) {
            case "application/pdf" -> Kind.PDF;
            case "text/html", "application/xhtml+xml" -> Kind.HTML;
            default -> type.startsWith("text/") || type.equals("application/octet-stream") ? Kind.TEXT : Kind.UNSUPPORTED;
        };
    }

    /** What a file that is plainly not a document is, by its fixed signature (an image, a sound, a program…); else null. */
    static String binaryKind(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "一张 PNG 图片";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "一张 JPEG 图片";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "一张 GIF 图片";
        }
        if (startsWith(bytes, 'B', 'M') && bytes.length > 26 && bytes[14] >= 12 && bytes[15] == 0 && bytes[16] == 0) {
            return "一张 BMP 图片";
        }
        if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length > 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B') {
            return "一张 WebP 图片";
        }
        if (startsWith(bytes, 'I', 'I', 0x2A, 0) || startsWith(bytes, 'M', 'M', 0, 0x2A)) {
            return "一张 TIFF 图片（可能是扫描件）";
        }
        if (startsWith(bytes, 'I', 'D', '3') || startsWith(bytes, 0xFF, 0xFB)) {
            return "一段 MP3 音频";
        }
        if (bytes.length > 8 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p') {
            return "一段视频（MP4/MOV）";
        }
        if (startsWith(bytes, 'R', 'a', 'r', '!')) {
            return "一个 RAR 压缩包（请改用 ZIP）";
        }
        if (startsWith(bytes, '7', 'z', 0xBC, 0xAF)) {
            return "一个 7z 压缩包（请改用 ZIP）";
        }
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return "一个 gzip 压缩文件（请改用 ZIP）";
        }
        if (startsWith(bytes, 'M', 'Z') || startsWith(bytes, 0x7F, 'E', 'L', 'F')) {
            return "一个程序文件";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern MARKUP_TAG = java.util.regex.Pattern.compile(
            "</?(?:p|div|span|table|tbody|tr|td|th|br|font|strong|h[1-6]|section|article|li|ul)(?:\\s[^<>]{0,400})?/?>",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The content carries HTML elements (paragraphs, tables, line breaks) in its first 64 KB, whatever comes
     * before them: a content field saved from a CMS is HTML although it has no {@code <html>} or {@code <body>}.
     * The tags are ASCII in every encoding a page uses, so the bytes are looked at as Latin-1.
     */
    static boolean hasMarkup(byte[] bytes) {
        int scan = Math.min(bytes.length, 64 * 1024);
        int brackets = 0;
        for (int i = 0; i < scan && brackets < 4; i++) {
            if (bytes[i] == '<') {
                brackets++;
            }
        }
        if (brackets < 4) {
            return false; // plain text, the common case: no pattern to run
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        var m = MARKUP_TAG.matcher(head);
        int tags = 0;
        while (m.find()) {
            if (++tags >= 4) {
                return true;
            }
        }
        return false;
    }

    /** The first byte after a UTF-8 byte-order mark and white space; -1 if none. */
    private static int firstVisible(byte[] bytes) {
        int i = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length ? i : -1;
    }

    /** The bytes are a ZIP archive of reports (not a Word document); checked without running the full detector. */
    public static boolean isArchive(byte[] bytes) {
        return (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6)) && zipKind(bytes) == Kind.ARCHIVE;
    }

    /** A Word document is a ZIP with word/document.xml; any other ZIP is an archive of reports. */
    private static Kind zipKind(byte[] bytes) {
        try {
            List<String> names = Archives.names(bytes);
            if (names.contains("word/document.xml")) {
                return Kind.DOCX;
            }
            return names.contains("[Content_Types].xml") ? Kind.UNSUPPORTED : Kind.ARCHIVE;
        } catch (IOException | RuntimeException e) {
            return Kind.UNSUPPORTED;
        }
    }

    static RejectedInput unreadable(String format, Exception e) {
        String detail = e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\w.$]+(Exception|Error):\\s*", "");
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "…";
        }
        String lower = detail.toLowerCase();
        String why = lower.contains("zip bomb") || lower.contains("inflate ratio") || lower.contains("max entry size")
                ? "疑似压缩炸弹，已拒绝 (suspected zip bomb)" : "文件已损坏或不是有效的 " + format + " 文件 (corrupt or not a valid " + format + " file)";
        return new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT, why + ": " + detail);
    }
}
