package dev.packinspector.app.common;

import java.util.Locale;

/** Numbers as people read them. */
public final class Format {
    private Format() {
    }

    /** {@link dev.packinspector.Sizes#bytes(long)}; a dash for an unknown (negative) size. */
    public static String bytes(long n) {
        return n < 0 ? "—" : dev.packinspector.Sizes.bytes(n);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 file", "20,000 files": a count and its noun, singular or plural (nouns that take an s). */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    public static String duration(long nanos) {
        if (nanos < 0) {
            return "?";
        }
        long s = Math.round(nanos / 1e9);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** chkpt's RFC 3339 time in the user's zone, to the second; the text itself if it does not parse. */
    public static String time(String rfc3339) {
        try {
            return java.time.OffsetDateTime.parse(rfc3339).atZoneSameInstant(java.time.ZoneId.systemDefault())
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return rfc3339;
        }
    }

    /** The octal mode as chkpt stores it ({@code 100644}); empty when unknown (negative). */
    public static String mode(long mode) {
        return mode < 0 ? "" : Long.toOctalString(mode);
    }

    /**
     * A mode as {@code ls -l} shows it: kind (-, d, l, or ? for any other) then the nine permission
     * bits with setuid, setgid and sticky ({@code -rw-r--r--}, {@code lrwxrwxrwx}); empty when unknown.
     */
    public static String permissions(long mode) {
        if (mode < 0) {
            return "";
        }
        long kind = mode & 0170000;
        var s = new StringBuilder(10);
        s.append(kind == 0100000 ? '-' : kind == 0040000 ? 'd' : kind == 0120000 ? 'l' : '?');
        String rwx = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            s.append((mode & (0400 >> bit)) != 0 ? rwx.charAt(bit) : '-');
        }
        special(s, 3, (mode & 04000) != 0, 's');
        special(s, 6, (mode & 02000) != 0, 's');
        special(s, 9, (mode & 01000) != 0, 't');
        return s.toString();
    }

    private static void special(StringBuilder s, int at, boolean set, char lower) {
        if (set) {
            s.setCharAt(at, s.charAt(at) == '-' ? Character.toUpperCase(lower) : lower);
        }
    }

    /** True for a regular file with any execute bit. */
    public static boolean executable(long mode) {
        return mode >= 0 && (mode & 0170000) == 0100000 && (mode & 0111) != 0;
    }

    /**
     * A snapshot as its user knows it: when it was taken and its message ({@code 2026-12-01 14:03:07
     * · before refactor}); the time alone when it has no message; at most {@code 60} characters of message.
     */
    public static String snapshot(dev.packinspector.catalog.Snapshot s) {
        String when = time(s.createdAt());
        String message = s.message() == null ? "" : s.message().strip().replaceAll("\\s+", " ");
        if (message.isEmpty()) {
            return when == null || when.isEmpty() ? s.shortId() : when;
        }
        return when + " · " + middle(message, 60);
    }

    /**
     * {@code text} cut in the middle to at most {@code max} characters ({@code src/…/deep/file.txt}),
     * so both its start and its end (a file's name) stay readable; unchanged when it fits.
     */
    public static String middle(String text, int max) {
        if (text == null || text.length() <= max || max < 5) {
            return text;
        }
        int tail = (max - 1) / 2 + (max - 1) % 2;
        int head = max - 1 - tail;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }
}
