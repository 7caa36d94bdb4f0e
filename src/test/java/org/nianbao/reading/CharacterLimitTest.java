package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** One limit on the text read from a report, the same for every format, with one message. */
class CharacterLimitTest {

    /**
     * A report-like text of about {@code characters} characters: a title, then lines of 40 Chinese characters drawn
     * from a thousand (about as many as a real report uses; a PDF embeds a glyph for each one used).
     */
    private static String text(int characters) {
        java.util.Random random = new java.util.Random(11);
        StringBuilder text = new StringBuilder("一、总体情况\n");
        while (text.length() < characters) {
            for (int i = 0; i < 40; i++) {
                text.appendCodePoint(0x4E00 + random.nextInt(1000));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void refusedForItsText(String name, byte[] bytes, ReadingLimits limits) {
        assertThatThrownBy(() -> Readers.read(name, bytes, limits))
                .as(name)
                .isInstanceOfSatisfying(RejectedInput.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectedInput.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("文字超过 " + limits.maxCharacters() + " 个字符");
                });
    }

    @Test
    void plainTextOverTwoMillionCharactersIsRefused() {
        byte[] text = text(2_000_100).getBytes(StandardCharsets.UTF_8);
        assertThat(text.length).as("within the size limit").isLessThan((int) ReadingLimits.DEFAULT.maxBytes());

        refusedForItsText("long.txt", text, ReadingLimits.DEFAULT);
    }

    @Test
    void plainTextJustUnderTheLimitIsRead() {
        ReadingLimits limits = new ReadingLimits(1 << 20, 1 << 20, 50_000, 10, 1 << 20);
        String text = text(49_000);

        assertThat(Readers.read("short.txt", text.getBytes(StandardCharsets.UTF_8), limits).text().original().length())
                .isLessThanOrEqualTo(50_000);
    }

    @Test
    void everyFormatIsRefusedPastTheSameNumberOfCharacters() {
        ReadingLimits limits = new ReadingLimits(4 << 20, 4 << 20, 50_000, 10, 4 << 20);
        String over = text(60_000);
        String under = text(30_000);
        Map<String, Function<String, byte[]>> formats = new java.util.LinkedHashMap<>();
        formats.put("report.txt", t -> t.getBytes(StandardCharsets.UTF_8));
        formats.put("report.html", t -> Formats.html(t, "2024-01-20"));
        formats.put("report.docx", Formats::docx);
        if (Files.exists(Formats.CJK_FONT)) {
            formats.put("report.pdf", Formats::pdf);
        }

        formats.forEach((name, format) -> {
            refusedForItsText(name, format.apply(over), limits);
            assertThat(Readers.read(name, format.apply(under), limits).text().original()).as(name).isNotEmpty();
        });
    }
}
