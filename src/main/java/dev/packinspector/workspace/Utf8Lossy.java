package dev.packinspector.workspace;

/**
 * Bytes to text as Rust's {@code String::from_utf8_lossy} makes it: well-formed UTF-8 kept, and each
 * maximal part of an ill-formed sequence (the Unicode Standard's "substitution of maximal
 * subparts", chapter 3.9) replaced by one U+FFFD. Java's own decoder differs on encoded surrogates
 * ({@code ED A0 80} is one U+FFFD to it and three to Rust), and chkpt hashes the Rust text.
 */
final class Utf8Lossy {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8Lossy() {
    }

    static String decode(byte[] bytes) {
        var out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                out.append((char) lead);
                i++;
                continue;
            }
            int length;
            int low = 0x80, high = 0xBF; // the range of the byte after the lead
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    low = 0xA0;
                } else if (lead == 0xED) {
                    high = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    low = 0x90;
                } else if (lead == 0xF4) {
                    high = 0x8F;
                }
            } else {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            int valid = 1; // bytes of the sequence that are well-formed so far
            while (valid < length && i + valid < bytes.length) {
                int b = bytes[i + valid] & 0xFF;
                boolean fits = valid == 1 ? b >= low && b <= high : b >= 0x80 && b <= 0xBF;
                if (!fits) {
                    break;
                }
                valid++;
            }
            if (valid == length) {
                int code = switch (length) {
                    case 2 -> (lead & 0x1F) << 6 | bytes[i + 1] & 0x3F;
                    case 3 -> (lead & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F;
                    default -> (lead & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | bytes[i + 3] & 0x3F;
                };
                out.appendCodePoint(code);
            } else {
                out.append(REPLACEMENT);
            }
            i += valid;
        }
        return out.toString();
    }
}
