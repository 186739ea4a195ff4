package dev.packinspector.catalog;

import java.util.List;

/**
 * Manifest paths written on one line and read back, as git writes them ({@code quote_c_style} in
 * git's {@code quote.c}). A path that holds a control character (U+0000 to U+001F, U+007F), a
 * double quote or a backslash is written in double quotes with C escapes: {@code \a \b \t \n \v
 * \f \r \" \\}, and every other such byte as three octal digits ({@code \001}); any other path is
 * written as it is. So {@code odd/new<LF>line.txt} becomes {@code "odd/new\nline.txt"} and
 * {@code back\slash} becomes {@code "back\\slash"}.
 *
 * <p>Other characters are left readable, as with {@code git -c core.quotePath=false}: git's default
 * writes every byte of a non-ASCII name in octal, which makes Cyrillic or emoji names unreadable,
 * and only the characters above can break a line or a field. Two exceptions, written in octal as
 * git's default does: the C1 controls (U+0080 to U+009F; a terminal may act on them as it does on
 * ESC) and lone surrogates (which have no UTF-8 form: their three bytes of generalized UTF-8 are
 * written, so that {@link #unquote} gives back the same string).
 *
 * <p>{@link #unquote} reads what git's {@code unquote_c_style} reads: the output of {@link #quote},
 * and git's own output with either setting of {@code core.quotePath}. Stateless and thread-safe.
 */
public final class PathText {
    private PathText() {
    }

    /** True if {@link #quote} would put {@code path} in double quotes. */
    public static boolean needsQuoting(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                continue; // printable ASCII, nearly every character of nearly every path
            }
            if (isControl(c) || c == '"' || c == '\\' || isLoneSurrogate(path, i)) {
                return true;
            }
        }
        return false;
    }

    /** {@code path} as git writes it on a line: bare if nothing in it needs escaping, else C-quoted. */
    public static String quote(String path) {
        if (!needsQuoting(path)) {
            return path;
        }
        var out = new StringBuilder(path.length() + 8).append('"');
        escape(path, out, true);
        return out.append('"').toString();
    }

    /**
     * Free text (a message, a reason) on one line: control characters and lone surrogates escaped as
     * in {@link #quote}, but no surrounding quotes and {@code "} and {@code \} left as they are, since
     * such text is read by people, not parsed back.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 8);
        escape(text, out, false);
        return out.toString();
    }

    /**
     * The path written as {@code quoted}, which must start and end with {@code "} and use only the
     * escapes git writes.
     *
     * @throws IllegalArgumentException if {@code quoted} is not such a string
     */
    public static String unquote(String quoted) {
        int end = quoted.length() - 1;
        if (end < 1 || quoted.charAt(0) != '"' || quoted.charAt(end) != '"') {
            throw new IllegalArgumentException("a quoted path starts and ends with \": " + quote(quoted));
        }
        var out = new StringBuilder(end);
        // escaped bytes are collected and decoded together, since one character may take several
        var bytes = new byte[end];
        int pending = 0;
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                throw new IllegalArgumentException("unescaped \" inside a quoted path: " + quote(quoted));
            }
            if (c != '\\') {
                pending = Utf8.decode(bytes, pending, out);
                out.append(c);
                continue;
            }
            if (++i >= end) {
                throw new IllegalArgumentException("a quoted path ends in a lone \\: " + quote(quoted));
            }
            char e = quoted.charAt(i);
            int b = switch (e) {
                case 'a' -> 0x07;
                case 'b' -> '\b';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'v' -> 0x0B;
                case 'f' -> '\f';
                case 'r' -> '\r';
                case '"', '\\' -> e;
                case '0', '1', '2', '3' -> {
                    if (i + 2 >= end || !isOctal(quoted.charAt(i + 1)) || !isOctal(quoted.charAt(i + 2))) {
                        throw new IllegalArgumentException("\\" + e + " is not followed by two octal digits in " + quote(quoted));
                    }
                    int v = (e - '0') << 6 | (quoted.charAt(i + 1) - '0') << 3 | (quoted.charAt(i + 2) - '0');
                    i += 2;
                    yield v;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + quote(quoted));
            };
            bytes[pending++] = (byte) b;
        }
        Utf8.decode(bytes, pending, out);
        return out.toString();
    }

    /**
     * The paths a command-line argument may name, most likely first: a value in double quotes that
     * {@link #unquote} reads (as copied from our output) means its unquoted form first, then itself
     * (a stored name may start and end with {@code "}); any other value means only itself.
     */
    public static List<String> readings(String argument) {
        if (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
            try {
                return List.of(unquote(argument), argument);
            } catch (IllegalArgumentException notQuoted) {
                return List.of(argument);
            }
        }
        return List.of(argument);
    }

    private static void escape(String s, StringBuilder out, boolean quoteAndBackslash) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                int named = "\u0007\b\t\n\u000B\f\r".indexOf(c);
                if (named >= 0) {
                    out.append('\\').append("abtnvfr".charAt(named));
                } else {
                    octal(out, c);
                }
            } else if (quoteAndBackslash && (c == '"' || c == '\\')) {
                out.append('\\').append(c);
            } else if (c >= 0x80 && c <= 0x9F) {
                octal(out, 0xC0 | c >> 6);
                octal(out, 0x80 | c & 0x3F);
            } else if (isLoneSurrogate(s, i)) {
                octal(out, 0xE0 | c >> 12);
                octal(out, 0x80 | c >> 6 & 0x3F);
                octal(out, 0x80 | c & 0x3F);
            } else {
                out.append(c);
            }
        }
    }

    private static void octal(StringBuilder out, int b) {
        out.append('\\').append((char) ('0' + (b >> 6 & 3))).append((char) ('0' + (b >> 3 & 7))).append((char) ('0' + (b & 7)));
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /** A surrogate that is not half of a pair, which UTF-8 cannot encode. */
    /** True if {@code s} holds a surrogate without its pair, which no UTF-8 file name can hold. */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i)) && isLoneSurrogate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** Decoding the escaped bytes of a quoted path. */
    private static final class Utf8 {
        private Utf8() {
        }

        /**
         * Appends {@code bytes[0, length)} as UTF-8 and returns 0 (the bytes left pending). Encoded
         * surrogates are accepted (what {@link #quote} writes for a lone surrogate); a byte that
         * starts no valid sequence becomes U+FFFD, as chkpt stores a name that is not UTF-8.
         */
        static int decode(byte[] bytes, int length, StringBuilder out) {
            int i = 0;
            while (i < length) {
                int b0 = bytes[i] & 0xFF;
                int more;
                int min;
                if (b0 < 0x80) {
                    out.append((char) b0);
                    i++;
                    continue;
                } else if (b0 >= 0xC2 && b0 <= 0xDF) {
                    more = 1;
                    min = 0x80;
                } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                    more = 2;
                    min = 0x800;
                } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                    more = 3;
                    min = 0x10000;
                } else {
                    out.append('\uFFFD');
                    i++;
                    continue;
                }
                int cp = b0 & (0x3F >> more);
                int j = i + 1;
                while (j <= i + more && j < length && (bytes[j] & 0xC0) == 0x80) {
                    cp = cp << 6 | bytes[j] & 0x3F;
                    j++;
                }
                if (j != i + more + 1 || cp < min || cp > Character.MAX_CODE_POINT) {
                    out.append('\uFFFD');
                    i++;
                    continue;
                }
                out.appendCodePoint(cp);
                i = j;
            }
            return 0;
        }
    }
}
