package org.nianbao.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.BatchItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Hostile and broken files: each refused with a clear message, quickly and in bounded memory. */
class HostileInputTest {

    private static final String SAMPLE = "000_0b909c2a4ee59f11.txt";

    /** Reads {@code bytes}, expecting a refusal for {@code reason}, within a second. */
    private static RejectedInput refused(byte[] bytes, RejectedInput.Reason reason) {
        long start = System.nanoTime();
        RejectedInput[] caught = new RejectedInput[1];
        assertThatThrownBy(() -> Readers.read("hostile", bytes))
                .isInstanceOfSatisfying(RejectedInput.class, e -> caught[0] = e);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("refused in %d ms", millis).isLessThan(1000);
        assertThat(caught[0].reason()).isEqualTo(reason);
        assertThat(caught[0].getMessage()).doesNotContain("Exception");
        return caught[0];
    }

    private static byte[] zip(Object... nameAndContent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                Object content = nameAndContent[i + 1];
                if (content instanceof Long zeros) {
                    byte[] block = new byte[1 << 20];
                    for (long written = 0; written < zeros; written += block.length) {
                        zip.write(block);
                    }
                } else {
                    zip.write((byte[]) content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombDisguisedAsAWordDocumentIsRefused() throws IOException {
        byte[] bomb = zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "word/document.xml", 200L << 20);
        assertThat(bomb.length).isLessThan(1 << 20); // 200 MB of zeros packed into less than 1 MB

        assertThat(refused(bomb, RejectedInput.Reason.UNSUPPORTED_FORMAT).getMessage()).contains("压缩炸弹");
    }

    @Test
    void anArchiveKeepsGoingPastABombAndAnUnsafeEntryName() throws IOException {
        Samples.assessor(); // the rules are built before the clock starts
        byte[] archive = zip("reports/qz.txt", Samples.bytes(SAMPLE),
                "bomb.txt", 200L << 20,
                "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8),
                "reports/dx.txt", Samples.bytes("002_6d7e4eb448e02a30.txt"));

        long start = System.nanoTime();
        List<BatchItem> items = Samples.assessor().assessAll("batch.zip", archive, AssessmentOptions.NONE, ReadingLimits.DEFAULT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(items).extracting(BatchItem::source).containsExactly("batch.zip!/reports/qz.txt", "batch.zip!/bomb.txt",
                "batch.zip!/../../etc/passwd", "batch.zip!/reports/dx.txt");
        assertThat(items.get(0).assessment().report().agency()).isEqualTo("衢州市应急管理局");
        assertThat(items.get(1).error()).contains("压缩炸弹");
        assertThat(items.get(2).error()).contains("不安全");
        assertThat(items.get(3).assessment().report().agency()).isEqualTo("定西市应急管理局");
        assertThat(millis).as("%d ms", millis).isLessThan(2000);
    }

    @Test
    void anEncryptedPdfIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText("Annual report 2023");
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            pdf = out.toByteArray();
        }

        assertThat(refused(pdf, RejectedInput.Reason.UNSUPPORTED_FORMAT).getMessage()).contains("加密");
    }

    @Test
    void aPdfWithoutATextLayerIsRefusedAsAScan() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }

        assertThat(refused(pdf, RejectedInput.Reason.NOT_TEXT).getMessage()).contains("文字层");
    }

    @Test
    void aTruncatedPdfIsRefusedAsTruncatedNotAsANonReport() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/pdf/hongze-2023.pdf"));

        for (int part : new int[] {2, 3, 5}) {
            assertThat(refused(Arrays.copyOf(whole, whole.length / part), RejectedInput.Reason.UNSUPPORTED_FORMAT).getMessage())
                    .contains("不完整");
        }
        assertThat(Readers.read("whole.pdf", whole).format()).isEqualTo("pdf");
    }

    @Test
    void aFileNamedPdfThatIsTextIsReadAsText() {
        Document document = Readers.read("report.pdf", Samples.bytes(SAMPLE));

        assertThat(document.format()).isEqualTo("text");
        assertThat(document.text().lines()).hasSizeGreaterThan(50);
    }

    @Test
    void aDeeplyNestedPageIsHandledQuickly() {
        String page = "<html><body>" + "<div>".repeat(100_000) + "文字" + "</div>".repeat(100_000) + "</body></html>";

        assertThat(refused(page.getBytes(StandardCharsets.UTF_8), RejectedInput.Reason.NOT_TEXT).getMessage()).contains("嵌套过深");
    }

    @Test
    void aHugePageIsRefusedForItsSize() {
        String page = "<html><body>" + "<p>政府信息公开工作年度报告正文内容。</p>".repeat(200_000) + "</body></html>";

        assertThat(refused(page.getBytes(StandardCharsets.UTF_8), RejectedInput.Reason.TOO_LARGE).getMessage()).contains("网页超过");
    }

    @Test
    void aDocumentWithMoreTextThanTheLimitIsRefused() {
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder("一、总体情况\n");
        for (int line = 0; line < 2_000; line++) {
            for (int i = 0; i < 40; i++) {
                text.appendCodePoint(0x4E00 + random.nextInt(0x5000));
            }
            text.append('\n');
        }
        ReadingLimits small = new ReadingLimits(1 << 20, 1 << 20, 50_000, 10, 1 << 20);

        assertThatThrownBy(() -> Readers.read("long.docx", Formats.docx(text.toString()), small))
                .isInstanceOfSatisfying(RejectedInput.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectedInput.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("文字超过");
                });
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[(int) ReadingLimits.DEFAULT.maxBytes() + 1];

        refused(big, RejectedInput.Reason.TOO_LARGE);
    }

    @Test
    void aCorruptWordDocumentIsRefused() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "word/document.xml", "<w:document><w:body>".getBytes(StandardCharsets.UTF_8));

        assertThat(refused(docx, RejectedInput.Reason.UNSUPPORTED_FORMAT).getMessage()).contains("Word");
    }

    @Test
    void anOldWordFileThatIsBrokenIsRefused() {
        byte[] ole2 = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);

        assertThat(refused(ole2, RejectedInput.Reason.UNSUPPORTED_FORMAT).getMessage()).contains(".doc");
    }
}
