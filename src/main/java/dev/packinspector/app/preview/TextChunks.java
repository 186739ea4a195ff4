package dev.packinspector.app.preview;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an object's bytes, handed over window after window, into whole lines: a character or a
 * line cut by a window's end is carried into the next window, so lines and line numbers stay
 * right however the object is paged. Undecodable bytes show as U+FFFD. A line longer than
 * {@link #MAX_LINE} characters is split there, so memory stays bounded. UI-free; not thread-safe.
 */
public final class TextChunks {
    public static final int MAX_LINE = 1 << 20;

    private final CharsetDecoder decoder;
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private StringBuilder carry = new StringBuilder();

    public TextChunks(Charset charset) {
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** The lines completed by {@code bytes}; with {@code last}, also the final line (even without a line end). */
    public List<String> next(byte[] bytes, boolean last) {
        ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + bytes.length).put(leftover).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 2);
        decoder.decode(in, out, last);
        if (last) {
            decoder.flush(out);
        }
        leftover = in.slice();
        out.flip();
        var lines = new ArrayList<String>();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\n') {
                lines.add(stripCr(carry));
                carry = new StringBuilder();
            } else {
                carry.append(c);
                if (carry.length() >= MAX_LINE) {
                    lines.add(carry.toString());
                    carry = new StringBuilder();
                }
            }
        }
        if (last && !carry.isEmpty()) {
            lines.add(stripCr(carry));
            carry = new StringBuilder();
        }
        return lines;
    }

    private static String stripCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }
}
