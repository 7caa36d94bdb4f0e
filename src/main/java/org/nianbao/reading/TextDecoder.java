package org.nianbao.reading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a plain-text report into {@link SourceText}. The encoding is detected from the
 * content: a byte-order mark, else strict UTF-8, else strict GB18030 (a superset of GBK and GB2312).
 * A file with NUL bytes or that decodes in neither is refused as not text.
 */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    public static SourceText decode(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw RejectedInput.empty();
        }
        Charset charset;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            if (hasNul(bytes)) {
                throw RejectedInput.notText();
            }
            charset = decodes(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8
                    : decodes(bytes, GB18030) ? GB18030 : null;
            if (charset == null) {
                throw RejectedInput.notText();
            }
        }
        String text = new String(bytes, skip, bytes.length - skip, charset);
        if (text.isBlank()) {
            throw RejectedInput.empty();
        }
        if (controlCharacterShare(text) > 0.01) {
            throw RejectedInput.notText();
        }
        return new SourceText(name, charset, text, split(text));
    }

    static List<SourceLine> split(String text) {
        List<SourceLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(SourceLine.of(number++, TextNormalizer.normalize(text.substring(start, i))));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(SourceLine.of(number, TextNormalizer.normalize(text.substring(start))));
        }
        return lines;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            CharBuffer ignored = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return ignored != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static double controlCharacterShare(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return (double) control / text.length();
    }
}
