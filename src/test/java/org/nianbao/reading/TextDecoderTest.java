package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;

class TextDecoderTest {

    private static final String SAMPLE = "001_0f3a3c160bddc4d1.txt";

    @Test
    void detectsGb18030WithoutBeingTold() {
        byte[] gbk = Samples.text(SAMPLE).getBytes(Charset.forName("GBK"));

        SourceText text = TextDecoder.decode("gbk.txt", gbk);

        assertThat(text.charset().name()).isEqualTo("GB18030");
        assertThat(text.original()).isEqualTo(Samples.text(SAMPLE));
    }

    @Test
    void readsUtf8WithByteOrderMark() {
        byte[] plain = "一、总体情况".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);

        SourceText text = TextDecoder.decode("bom.txt", withBom);

        assertThat(text.lines().get(0).text()).isEqualTo("一、总体情况");
    }

    @Test
    void normalisesFullWidthFormsButKeepsLineNumbers() {
        SourceText text = TextDecoder.decode("x.txt", "第一行\r\n（三）　不予公开：１２３\r\n\r\n末行".getBytes(StandardCharsets.UTF_8));

        assertThat(text.lines()).hasSize(4);
        assertThat(text.line(2).text()).isEqualTo("(三) 不予公开:123");
        assertThat(text.line(4).number()).isEqualTo(4);
    }

    @Test
    void dropsWordBookmarkArtefacts() {
        SourceText text = TextDecoder.decode("x.txt", "\t[bookmark: _GoBack]四、结转下年度继续办理".getBytes(StandardCharsets.UTF_8));

        assertThat(text.line(1).compact()).isEqualTo("四、结转下年度继续办理");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> TextDecoder.decode("e.txt", new byte[0]))
                .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.reason()).isEqualTo(RejectedInput.Reason.EMPTY));
        assertThatThrownBy(() -> TextDecoder.decode("w.txt", " \n\t\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedInput.class);
    }

    @Test
    void refusesBinaryContent() {
        byte[] binary = {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, (byte) 0xFF, 0x10};

        assertThatThrownBy(() -> TextDecoder.decode("a.docx", binary))
                .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.reason()).isEqualTo(RejectedInput.Reason.NOT_TEXT));
    }

    @Test
    void aUtf8TextThatHoldsTheReplacementCharacterIsStillUtf8() {
        String written = "二、主动公开政府信息情况\uFFFD（原文如此）\n第二行";

        SourceText text = TextDecoder.decode("fffd.txt", written.getBytes(StandardCharsets.UTF_8));

        assertThat(text.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(text.original()).isEqualTo(written);
    }

    @Test
    void takesBytesForUtf8ExactlyWhenAStrictDecoderDoes() {
        java.util.Random random = new java.util.Random(20261203);
        byte[] chinese = "政府信息公开工作年度报告：一、总体情况".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = java.util.Arrays.copyOf(chinese, chinese.length);
            for (int k = random.nextInt(3); k >= 0; k--) { // a few bytes broken, some runs none
                if (random.nextInt(4) > 0) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            boolean strictlyUtf8;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                strictlyUtf8 = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                strictlyUtf8 = false;
            }
            String decoded = TextDecoder.utf8(bytes);

            assertThat(decoded != null).as("bytes %s", java.util.HexFormat.of().formatHex(bytes)).isEqualTo(strictlyUtf8);
            if (decoded != null) {
                assertThat(decoded).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }
}
