package dev.packinspector;

import java.util.Locale;

/** Byte counts as people read them, for the command line and the window alike. */
public final class Sizes {
    private Sizes() {
    }

    /**
     * {@code 38 B}, {@code 2.7 MB}, {@code 12 GB}: decimal units, as file managers show sizes and free
     * space, one decimal below 10 and none above; {@code n} itself for a negative (unknown) count.
     */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
