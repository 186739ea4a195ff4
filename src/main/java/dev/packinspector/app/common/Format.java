package dev.packinspector.app.common;

import java.util.Locale;

/** Numbers as people read them. */
public final class Format {
    private Format() {
    }

    public static String bytes(long n) {
        if (n < 0) {
            return "—";
        }
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
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

    public static String mode(long mode) {
        return mode < 0 ? "" : Long.toOctalString(mode);
    }
}
