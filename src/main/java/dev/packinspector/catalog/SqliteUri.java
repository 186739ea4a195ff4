package dev.packinspector.catalog;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * SQLite URI filenames ({@code file:///abs/path?mode=ro}). Every byte of the UTF-8 path outside
 * the URI's unreserved characters is percent-encoded, since SQLite ends the path at {@code ?} or
 * {@code #} and decodes {@code %HH}; folder names like {@code a b#c%d?} then round-trip.
 */
final class SqliteUri {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqliteUri() {
    }

    /** The URI for {@code file} with the query {@code parameters} ({@code key=value&...}, already safe). */
    static String of(Path file, String parameters) {
        String path = file.toAbsolutePath().normalize().toString();
        if (File.separatorChar == '\\') {
            path = "/" + path.replace('\\', '/');
        }
        var uri = new StringBuilder("file://");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (unreserved(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return uri.append('?').append(parameters).toString();
    }

    // ':' stays literal for Windows drive letters (file:///C:/...), which SQLite expects unencoded.
    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == ':';
    }
}
