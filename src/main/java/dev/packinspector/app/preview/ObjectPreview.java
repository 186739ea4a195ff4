package dev.packinspector.app.preview;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * What the first bytes of an object look like: an image format, text (and in which encoding) or
 * binary; and one line of a hex dump. UI-free.
 */
public final class ObjectPreview {
    public enum Kind { TEXT, IMAGE, BINARY, EMPTY }

    private ObjectPreview() {
    }

    public static Kind kind(byte[] head) {
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        if (imageFormat(head) != null) {
            return Kind.IMAGE;
        }
        return charset(head) != null ? Kind.TEXT : Kind.BINARY;
    }

    /** PNG, JPEG, GIF or BMP by their signatures, else null. */
    static String imageFormat(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "PNG";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        if (starts(b, 'B', 'M') && b.length > 14) {
            return "BMP";
        }
        return null;
    }

    /**
     * The charset of text, or null for binary: a byte-order mark, else UTF-8 if the bytes decode
     * cleanly as UTF-8 (a multi-byte character cut at the end is fine), else juniversalchardet's
     * guess (Shift_JIS, GB18030, EUC-KR, windows-1252, ...), else ISO-8859-1.
     */
    public static Charset charset(byte[] head) {
        if (starts(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (starts(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (starts(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        int controls = 0;
        for (byte x : head) {
            if (x == 0) {
                return null;
            }
            if ((x & 0xFF) < 0x20 && x != '\n' && x != '\r' && x != '\t' && x != '\f' && x != 0x1b) {
                controls++;
            }
        }
        if (controls > head.length / 100 + 1) {
            return null;
        }
        int end = head.length;
        for (int cut = 0; cut < 4 && end > 0; cut++) {
            if (decodes(Arrays.copyOf(head, end), StandardCharsets.UTF_8)) {
                return StandardCharsets.UTF_8;
            }
            end--;
        }
        return guess(head);
    }

    private static Charset guess(byte[] head) {
        var detector = new UniversalDetector();
        detector.handleData(head, 0, head.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        try {
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        } catch (IllegalArgumentException e) {
            // an odd name: fall through to Latin-1, which decodes any byte
        }
        return StandardCharsets.ISO_8859_1;
    }

    private static boolean decodes(byte[] b, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** How many hex digits a dump's offsets take for an object of {@code size} bytes: 8 (as xxd's) up to 4 GiB, 10 beyond or when not known (-1). */
    public static int offsetDigits(long size) {
        return size >= 0 && size <= 0x1_0000_0000L ? 8 : 10;
    }

    /** How many characters a dump line of {@code perLine} bytes with {@code digits}-digit offsets takes (as {@link #hexLine} writes it). */
    public static int hexLineChars(int digits, int perLine) {
        return digits + 2 + 3 * perLine + 1 + 1 + perLine;
    }

    /**
     * One hex dump line of {@code perLine} bytes (at most {@code length} of {@code bytes} from
     * {@code from}): the offset in {@code digits} hex digits, the bytes in hex (a gap after the first
     * half), and their printable ASCII. Built without String.format: a page has thousands.
     */
    public static String hexLine(long offset, int digits, byte[] bytes, int from, int length, int perLine) {
        var sb = new StringBuilder(hexLineChars(digits, perLine));
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (offset >>> shift) & 0xF]);
        }
        sb.append("  ");
        for (int i = 0; i < perLine; i++) {
            if (i < length) {
                int b = bytes[from + i] & 0xFF;
                sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]).append(' ');
            } else {
                sb.append("   ");
            }
            if (i == perLine / 2 - 1) {
                sb.append(' ');
            }
        }
        sb.append(' ');
        for (int i = 0; i < length; i++) {
            int c = bytes[from + i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.toString();
    }
}
