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
        int dropped = 0;
        String decoded = null; // the text, when the check of the encoding has decoded it already
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
            charset = null;
            int broken = 0;
            if ((decoded = utf8(bytes)) != null) {
                charset = StandardCharsets.UTF_8;
            } else if ((broken = brokenUtf8Tail(bytes)) > 0) {
                charset = StandardCharsets.UTF_8; // the file ends in the middle of a character
            } else if ((decoded = text(strictly(bytes, 0, GB18030))) != null) {
                charset = GB18030;
            } else if (bytes.length > 1 && (bytes[bytes.length - 1] & 0xFF) >= 0x81
                    && (decoded = text(strictly(bytes, 1, GB18030))) != null) {
                charset = GB18030; // the first byte of a two-byte character, its second byte cut off
                broken = 1;
            }
            if (charset == null) {
                throw RejectedInput.notText();
            }
            dropped = broken;
        }
        String text = decoded != null ? decoded : new String(bytes, skip, bytes.length - skip - dropped, charset);
        if (text.isBlank()) {
            throw RejectedInput.empty();
        }
        if (controlCharacterShare(text) > 0.01) {
            throw RejectedInput.notText();
        }
        List<String> notes = dropped == 0 ? List.of()
                : List.of("文件末尾有一个不完整的字符（%d 个字节），已舍去；文件可能在保存或传输时被截断".formatted(dropped));
        return new SourceText(name, charset, text, split(text), notes, dropped > 0);
    }

    static List<SourceLine> split(String text) {
        List<SourceLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(SourceLine.of(number++, TextNormalizer.normalize(text, start, i)));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(SourceLine.of(number, TextNormalizer.normalize(text, start, text.length())));
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

    /**
     * How many bytes at the end of otherwise valid UTF-8 are the start of a character that was cut off (the
     * file ends in the middle of a character); 0 when the bytes are not UTF-8 even without them.
     */
    static int brokenUtf8Tail(byte[] bytes) {
        for (int drop = 1; drop <= 3 && drop < bytes.length; drop++) {
            int lead = bytes[bytes.length - drop] & 0xFF;
            if (lead >= 0x80 && lead < 0xC0) {
                continue; // a continuation byte: the character starts further back
            }
            int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return length > drop && strictly(bytes, drop, StandardCharsets.UTF_8) != null ? drop : 0;
        }
        return 0;
    }

    /**
     * The bytes as UTF-8, or null when they are not. Decoded the quick way first: a sequence that is not UTF-8 decodes
     * to U+FFFD, so a text without one was valid; one with it (which a valid file may hold) is checked strictly.
     */
    static String utf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : text(strictly(bytes, 0, StandardCharsets.UTF_8));
    }

    private static String text(CharBuffer decoded) {
        return decoded == null ? null : decoded.toString();
    }

    /** The bytes (but the last {@code dropAtEnd}) decoded, or null when they are not valid in {@code charset}. */
    private static CharBuffer strictly(byte[] bytes, int dropAtEnd, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, bytes.length - dropAtEnd));
        } catch (CharacterCodingException e) {
            return null;
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
